"""Where the data lives, parsed once from ``--data`` or the window's choice.

A data source is a file on this computer or a database on a PostgreSQL server, named by a
``postgresql://`` URL. Everything above this module passes a ``DataLocation`` along and asks it to
describe itself; ``services.data_sources`` picks the store by its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from revmentor_desktop import paths
from revmentor_desktop.storage.errors import ServerProblem

SERVER_SCHEMES = ("postgresql", "postgres")


@dataclass(frozen=True)
class DataFileLocation:
    """A data file on this computer, named by its path as the coordinator gave it (so messages
    repeat their words); ``absolute`` is the same file wherever the process stands."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def absolute(self) -> Path:
        return self.path.absolute()

    def __str__(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class ServerLocation:
    """A database on a PostgreSQL server, named by its URL (``postgresql://host/dbname``, with
    ``sslmode`` and the like as libpq reads them). It never holds a password: libpq finds that
    in ~/.pgpass, a service file or PGPASSWORD, so none is written to a command line or a file."""

    url: str

    @property
    def database_name(self) -> str:
        return unquote(urlsplit(self.url).path.lstrip("/"))

    @property
    def name(self) -> str:
        return self.database_name

    @property
    def host(self) -> str:
        """The server's host name; "this computer" for its local socket."""
        return urlsplit(self.url).hostname or "this computer"

    @property
    def description(self) -> str:
        """Which database on which server, for a title or the status bar."""
        return f"{self.database_name} on {self.host}"

    def __str__(self) -> str:
        return self.url


DataLocation = DataFileLocation | ServerLocation


def file_location(path: Path | str) -> DataFileLocation:
    return DataFileLocation(Path(path).expanduser())


def default_location() -> DataFileLocation:
    """The coordinator's own data file, where a first start creates it."""
    return file_location(paths.default_data_file())


def server_location(url: str) -> ServerLocation:
    """The server database ``url`` names, refused when it names no database or holds a
    password (which would then sit in the shell history and the list of processes)."""
    parts = urlsplit(url)
    options = dict(parse_qsl(parts.query))
    if parts.password is not None or "password" in options:
        raise ServerProblem(
            _without_password(url),
            "contains a password, which would be seen in the shell history and the list of "
            "running programs.",
            "Give the address without it and keep the password in ~/.pgpass (or a PostgreSQL "
            "service file), where the PostgreSQL client finds it.",
        )
    location = ServerLocation(url)
    if not location.database_name:
        raise ServerProblem(
            url,
            "names no database.",
            f"Add its name, e.g. {parts.scheme}://{parts.netloc or 'dbhost'}/mentoring",
        )
    return location


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        netloc = netloc.replace(f":{parts.password}@", ":…@", 1)
    return parts._replace(netloc=netloc, query="").geturl()


@dataclass(frozen=True)
class ServerAddress:
    """The parts of a server address a coordinator fills in one by one (File → Connect to a
    server…); an empty host means this computer's own server, reached by its local socket."""

    host: str = ""
    port: str = ""
    database: str = ""
    user: str = ""
    sslmode: str = ""

    @property
    def url(self) -> str:
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = f":{self.port}" if self.port else ""
        query = f"?{urlencode({'sslmode': self.sslmode})}" if self.sslmode else ""
        return f"postgresql://{user}{host}{port}/{quote(self.database, safe='')}{query}"

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        """The parts of a pasted address (one holding a password is refused first)."""
        location = server_location(url)
        parts = urlsplit(location.url)
        options = dict(parse_qsl(parts.query))
        return cls(
            host=parts.hostname or "",
            port=str(parts.port or ""),
            database=location.database_name,
            user=unquote(parts.username or ""),
            sslmode=options.get("sslmode", ""),
        )


def is_server_address(text: str) -> bool:
    return urlsplit(text).scheme.lower() in SERVER_SCHEMES


def parse_location(text: str | None) -> DataLocation:
    """The data source ``--data TEXT`` names: a server database for a ``postgresql://`` URL,
    otherwise a data file; without it, the default data file."""
    if not text:
        return default_location()
    return server_location(text) if is_server_address(text) else file_location(text)
