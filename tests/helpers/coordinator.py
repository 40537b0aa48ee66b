"""A second coordinator in a process of its own, for tests of editing together.

The test starts ``Coordinator(address)``; the process opens the same programme (a data file or
a server database) and answers one JSON request per line: load a pair or a person as an editing
dialog does, save a change to that copy, and, when the save is refused as a conflict, re-apply
the change the way the conflict chooser does (keep mine, or field by field); or enrol people in
a cohort. The test decides
when each step happens, so two coordinators can be made to read the same version and then save
at once.

On a data file the process connects as the app does but without the writer lock: the lock keeps
a second RevMentor out of the file, and where the operating system cannot honour it (some network
shares) the row versions tested here are what still keeps two coordinators' saves apart.
"""

from __future__ import annotations

import dataclasses
import json
import os
import queue
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.server import ServerStore

REPOSITORY = Path(__file__).resolve().parents[2]
# Generous: only for waiting on a process that is starting or busy on a loaded machine.
REPLY_SECONDS = 120.0

Reply = dict[str, Any]


def address_of(store: DataFile | ServerStore) -> str:
    """What a second coordinator opens to reach the same programme as ``store``."""
    return str(store.path) if isinstance(store, DataFile) else store.url


class Coordinator:
    """The test's handle on a coordinator process: send requests, read the replies."""

    def __init__(self, address: str) -> None:
        environment = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.coordinator", address],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
            cwd=REPOSITORY,
        )
        self._replies: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read_replies, daemon=True).start()
        self.expect("ready")

    def _read_replies(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._replies.put(line)
        self._replies.put("")  # the process ended

    def send(self, op: str, **details: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op, **details}) + "\n")
        self.process.stdin.flush()

    def reply(self) -> Reply:
        try:
            line = self._replies.get(timeout=REPLY_SECONDS)
        except queue.Empty:
            raise AssertionError("the coordinator process did not answer") from None
        if not line:
            raise AssertionError(f"the coordinator process ended: {self._errors()}")
        answer: Reply = json.loads(line)
        if "error" in answer:
            raise AssertionError(f"the coordinator process failed:\n{answer['error']}")
        return answer

    def ask(self, op: str, **details: Any) -> Reply:
        self.send(op, **details)
        return self.reply()

    def expect(self, status: str) -> Reply:
        answer = self.reply()
        assert answer.get("status") == status, answer
        return answer

    def _errors(self) -> str:
        self.process.wait(timeout=REPLY_SECONDS)
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
            try:
                self.process.wait(timeout=REPLY_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


# What runs in the coordinator's own process.


def _open(address: str) -> None:
    from peewee import SqliteDatabase

    from revmentor_desktop.services.location import server_location
    from revmentor_desktop.storage.database import PRAGMAS
    from revmentor_desktop.storage.models import database_proxy
    from revmentor_desktop.storage.server import ServerStore

    if address.startswith("postgresql:"):
        location = server_location(address)
        ServerStore.open(location.url, location.database_name)
        return
    database = SqliteDatabase(address, pragmas=PRAGMAS, timeout=10)
    database.connect()
    database_proxy.initialize(database)


def _kinds() -> dict[str, tuple[Callable[[int], Any], Callable[[int, Any, Any], Any]]]:
    """How each kind of record is loaded and saved, as its editing dialog does it."""
    from revmentor_desktop.domain import edits, pairs, people

    return {
        "pair": (pairs.load_pair, lambda row, draft, base: edits.update_pair(row, draft, base)),
        "person": (
            people.load_person,
            lambda row, draft, base: edits.update_person(row, draft, base=base),
        ),
    }


class _Editing:
    """One coordinator's dialog: the copy it loaded, the change made to it, a pending conflict."""

    def __init__(self) -> None:
        self.kinds = _kinds()
        self.kind = ""
        self.row_id = 0
        self.loaded: Any = None
        self.conflict: Any = None

    def load(self, kind: str, row_id: int) -> Reply:
        self.kind, self.row_id = kind, row_id
        self.loaded = self.kinds[kind][0](row_id)
        return {"status": "loaded", "version": self.loaded.version}

    def save(self, changes: dict[str, Any]) -> Reply:
        draft = dataclasses.replace(self.loaded.draft, **changes)
        return self._save_against(self.loaded, draft)

    def resolve(self, how: str) -> Reply:
        from revmentor_desktop.domain.conflicts import Side

        conflict, self.conflict = self.conflict, None
        fields = conflict.differing_fields()
        if how == "keep mine":
            choices = dict.fromkeys(fields, Side.MINE)
        else:  # field by field, as the chooser suggests
            choices = {name: conflict.suggested_side(name) for name in fields}
        return self._save_against(conflict.rebased, conflict.merged(choices))

    def enrol(self, cohort_id: int, person_ids: list[int], role: str) -> Reply:
        """Enrol people in a cohort, as the enrol dialog and an import do."""
        from revmentor_desktop.domain import edits

        edits.enrol(cohort_id, person_ids, role)
        return {"status": "saved"}

    def _save_against(self, base: Any, draft: Any) -> Reply:
        from revmentor_desktop.domain.conflicts import EditConflict

        try:
            self.kinds[self.kind][1](self.row_id, draft, base)
        except EditConflict as conflict:
            self.conflict = conflict
            differing = conflict.differing_fields()
            return {
                "status": "conflict",
                "differing": differing,
                "changed_by_both": conflict.changed_by_both(),
                "theirs": {name: _plain(getattr(conflict.theirs, name)) for name in differing},
                "theirs_version": conflict.current_version,
            }
        return {"status": "saved"}


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _serve(address: str) -> None:
    _open(address)
    editing = _Editing()
    _answer({"status": "ready"})
    for line in sys.stdin:
        request = json.loads(line)
        op = request.pop("op")
        if op == "quit":
            return
        try:
            handler = {
                "load": editing.load,
                "save": editing.save,
                "resolve": editing.resolve,
                "enrol": editing.enrol,
            }
            _answer(handler[op](**request))
        except Exception:
            _answer({"error": traceback.format_exc()})


def _answer(reply: Reply) -> None:
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    _serve(sys.argv[1])
