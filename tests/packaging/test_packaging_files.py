"""Fast checks of the files in packaging/ and the icons: no PyInstaller, no build."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import shutil
import string
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from revmentor_desktop import APP_ID, APP_NAME, __version__

REPOSITORY = Path(__file__).resolve().parents[2]
PACKAGING = REPOSITORY / "packaging"
DESKTOP_ENTRY = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = REPOSITORY / "revmentor_desktop" / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_dimensions(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def read_desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_matches_the_application() -> None:
    entry = read_desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "revmentor"
    assert entry["TryExec"] == "revmentor"
    # X11 window managers match windows to the entry by WM_CLASS, which Qt takes from
    # QApplication.applicationName(); app.py sets it to APP_NAME.
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert entry["Comment"]


def test_metainfo_is_well_formed_and_names_the_application() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_ENTRY.name
    assert root.findtext("provides/binary") == "revmentor"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    releases = [release.get("version") for release in root.iterfind("releases/release")]
    assert __version__ in releases, "add this version to the metainfo's <releases>"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="no appstreamcli")
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_macos_info_plist_has_the_bundle_identifier() -> None:
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleName"] == APP_NAME
    assert info["NSHighResolutionCapable"] is True


def test_windows_version_info_template_fills_in_to_valid_syntax() -> None:
    template = string.Template((PACKAGING / "windows" / "version_info.txt").read_text("utf-8"))
    filled = template.substitute(version=__version__, version_tuple="(0, 1, 0, 0)", year="2026")
    ast.parse(filled, mode="eval")
    assert f"'ProductVersion', '{__version__}'" in filled


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_exists_in_its_size(size: int) -> None:
    assert png_dimensions((ICONS / f"revmentor-{size}.png").read_bytes()) == (size, size)


def test_windows_icon_holds_the_sizes_windows_asks_for() -> None:
    data = (ICONS / "revmentor.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        image_size = png_dimensions(data[offset : offset + length])
        assert image_size[0] == (width or 256)
        sizes.add(image_size[0])
    assert {16, 24, 32, 48, 256} <= sizes


def test_macos_icon_is_a_complete_icns() -> None:
    data = (PACKAGING / "macos" / "revmentor.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds = set()
    position = 8
    while position < len(data):
        kind = data[position : position + 4]
        length = struct.unpack(">I", data[position + 4 : position + 8])[0]
        png_dimensions(data[position + 8 : position + length])
        kinds.add(kind)
        position += length
    assert {b"ic07", b"ic08", b"ic09", b"ic10", b"ic11", b"ic12", b"ic13", b"ic14"} <= kinds


def test_packaged_svg_is_a_copy_of_the_one_source_image() -> None:
    source = REPOSITORY / "resources" / "icon" / "revmentor.svg"
    assert (ICONS / "revmentor.svg").read_bytes() == source.read_bytes(), (
        "run python resources/build_icons.py"
    )
    ET.parse(source)  # well-formed


def test_icon_script_and_tests_agree_on_the_sizes() -> None:
    build_icons = load_script(REPOSITORY / "resources" / "build_icons.py")
    assert tuple(build_icons.PNG_SIZES) == PNG_SIZES


@pytest.mark.parametrize(
    ("name", "unused"),
    [
        ("libQt6WebEngineCore.so.6", True),
        ("libQt6Qml.so.6", True),
        ("libQt6QmlModels.so.6", True),
        ("libQt6Quick.so.6", True),
        ("libQt63DCore.so.6", True),
        ("libQt6Multimedia.so.6", True),
        ("Qt6WebEngineCore.dll", True),
        ("Qt6Quick.dll", True),
        ("QtQml.framework", True),
        ("QtQuick.abi3.so", True),
        ("libQt6Core.so.6", False),
        ("libQt6Widgets.so.6", False),
        ("Qt6Gui.dll", False),
        ("QtSvg.abi3.so", False),
        ("libqxcb.so", False),
    ],
)
def test_build_script_recognises_unused_qt_modules(name: str, unused: bool) -> None:
    build = load_script(PACKAGING / "build.py")
    assert bool(build.UNUSED_QT.match(name)) is unused


def test_packaging_extra_names_pyinstaller() -> None:
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text("utf-8"))["project"]
    extra = project["optional-dependencies"]["packaging"]
    assert any(requirement.lower().startswith("pyinstaller") for requirement in extra)


def _help_texts() -> list[Path]:
    """Every packaged text the Help menu reads: the guide's pages and style, the licences."""
    from revmentor_desktop.ui import guide
    from revmentor_desktop.ui.dialogs import about_dialog

    package = REPOSITORY / "revmentor_desktop" / "resources"
    pages = [package / guide.GUIDE_FOLDER / topic.page for topic in guide.TOPICS]
    return [
        *pages,
        package / guide.GUIDE_FOLDER / guide.STYLE_SHEET,
        package.joinpath(*about_dialog.LICENCE_FILE),
        package.joinpath(*about_dialog.FONT_LICENCE_FILE),
    ]


def test_help_texts_are_package_data_that_the_bundle_collects() -> None:
    """The wheel ships resources/**/* and the spec collects every data file of the package, so
    a help text is in both as long as it lies under revmentor_desktop/resources/."""
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text("utf-8"))
    assert project["tool"]["setuptools"]["package-data"]["revmentor_desktop"] == ["resources/**/*"]
    assert 'collect_data_files("revmentor_desktop")' in (PACKAGING / "revmentor.spec").read_text()
    shipped = set((REPOSITORY / "revmentor_desktop").glob("resources/**/*"))
    for text in _help_texts():
        assert text in shipped, f"{text} is not package data"
        assert text.read_text("utf-8").strip()


def test_built_in_plans_are_package_data_that_the_bundle_collects() -> None:
    """The session plans are TOML files under resources/plans/: the wheel and the bundle carry
    every file the index names."""
    plans = REPOSITORY / "revmentor_desktop" / "resources" / "plans"
    index = tomllib.loads((plans / "library.toml").read_text("utf-8"))
    shipped = set((REPOSITORY / "revmentor_desktop").glob("resources/**/*"))
    for name in ["library", *index["families"]]:
        assert plans / f"{name}.toml" in shipped, f"{name}.toml is not package data"


def test_packaged_licence_is_the_gpl_version_3() -> None:
    from revmentor_desktop.ui.dialogs import about_dialog

    licence = (REPOSITORY / "revmentor_desktop" / "resources").joinpath(*about_dialog.LICENCE_FILE)
    text = licence.read_text("utf-8")
    assert text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in text
    assert "END OF TERMS AND CONDITIONS" in text
