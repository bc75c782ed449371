"""Test configuration: headless Qt and matplotlib, a private copy of the project's data, and shared fixtures.

Tests never read or write the live ``claims/``, ``seeds/`` or ``geodata/`` folders, which the app writes to while
it is used (accepted claims, proposals, rejections, backups, ingested articles). Each test process works on
``DATA``: a copy of those folders as git holds them in its index (the committed data plus anything staged with
``git add``; outside a git checkout, the folders less the files the app writes). ``$MAPVIEW_ROOT`` points at the
copy, so the default paths, ``main.py`` without ``--claims`` and every subprocess use it too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_FOLDERS = ("claims", "seeds", "geodata")
# what the app writes into the data folders while it is used: never part of the tests' data (also in .gitignore)
USER_DATA = ("backups", "originals", "proposals.json", "mentions.json", "rejected.json", "proposals-archive-*",
             ".mapview.lock", "*.tmp", ".*.tmp")


def _copy_project_data(into: Path) -> Path:
    """Copy the project's data folders into ``into``: git's index version where this is a git checkout."""
    try:
        listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--", *DATA_FOLDERS],
                                capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        listed = b""
    if listed:
        subprocess.run(["git", "-C", str(ROOT), "checkout-index", "-z", "--stdin", f"--prefix={into}/"],
                       input=listed, capture_output=True, check=True, timeout=60)
    else:
        for name in DATA_FOLDERS:
            shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns(*USER_DATA))
    return into


# One private config folder and one private copy of the data per test process (pytest-xdist workers each have
# theirs): never the user's own settings (window layout, export folder: Qt reads them from $XDG_CONFIG_HOME).
_SCRATCH = Path(tempfile.mkdtemp(prefix="mapview-tests-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["XDG_CONFIG_HOME"] = str(_SCRATCH / "config")
# Caches (matplotlib's font list, fontconfig) stay where they are: HOME moves per test (below), and rebuilding
# them in every subprocess would cost seconds each.
os.environ.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))
os.environ["XDG_DATA_HOME"] = str(_SCRATCH / "share")
DATA = _copy_project_data(_SCRATCH / "project")
os.environ["MAPVIEW_ROOT"] = str(DATA)

import socket  # noqa: E402

import pytest  # noqa: E402

from mapview.data.project import Project, ProjectPaths, load_project  # noqa: E402

SEEDS = DATA / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
# how many claims and passages the curated file holds (counted from the file, so tests follow its curation)
_CURATED = __import__("json").loads((DATA / "claims" / "claims.json").read_text(encoding="utf-8"))["claims"]
CURATED_CLAIMS = len(_CURATED)
CURATED_PASSAGES = sum(len(c["evidence"]) for c in _CURATED)
# the articles the shipped project holds (the five seeds and the later excerpts), counted from the files
ARTICLES = len(list((DATA / "seeds").glob("*.txt")))
# the number prefix ingest gives the next article it stores ("013_" after the shipped 000-012), from the files
NEXT_SEED = f"{1 + max(int(p.name[:3]) for p in (DATA / 'seeds').glob('[0-9][0-9][0-9]_*.txt')):03d}_"


@pytest.fixture(scope="session")
def gaz():
    """The ingest gazetteer of the test process's copy of the sectors layer, built once."""
    from mapview.ingest.gazetteer import load_gazetteer

    return load_gazetteer(DATA / "geodata" / "sectors.geojson")


@pytest.fixture(scope="session")
def project() -> Project:
    """The project's own data (the test process's copy), loaded once (read-only: tests must not mutate it)."""
    return load_project(data_paths(DATA))


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh QSettings folder, per-user config folder (saved views) and home folder per test: one test's saved
    window layout, export folder or map view never reaches another, nor the user's own."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    (folder / "home").mkdir()
    monkeypatch.setenv("HOME", str(folder / "home"))  # e.g. the export dialog's first folder
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture()
def data_copy(tmp_path: Path) -> ProjectPaths:
    """A private copy of claims, seeds and geodata that a test may edit."""
    for name in DATA_FOLDERS:
        shutil.copytree(DATA / name, tmp_path / name)
    for path in tmp_path.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return data_paths(tmp_path)


def data_paths(root: Path) -> ProjectPaths:
    """The project paths of a folder holding ``claims/``, ``seeds/`` and ``geodata/``."""
    return ProjectPaths(
        sectors=root / "geodata" / "sectors.geojson",
        claims=root / "claims" / "claims.json",
        seeds=root / "seeds",
        context=root / "geodata" / "context.geojson",
    )


# Every path under the live data folders that Python code in this process opens or lists (an audit hook: see
# PEP 578), so the fixture below can fail the test that did it. Reads in C libraries (GDAL through pyogrio) and
# in subprocesses are not seen; those tests point at DATA by hand.
_LIVE_DIRS = tuple(str(ROOT / name) + os.sep for name in DATA_FOLDERS)
_LIVE_OPENED: list[str] = []


def _note_live_reads(event: str, args: tuple) -> None:
    if event not in ("open", "os.scandir", "os.listdir") or not args:
        return
    path = args[0]
    if isinstance(path, str | bytes | os.PathLike):
        absolute = os.path.abspath(os.fsdecode(path))
        if (absolute + os.sep).startswith(_LIVE_DIRS):
            _LIVE_OPENED.append(absolute)


sys.addaudithook(_note_live_reads)


@pytest.fixture(autouse=True)
def no_live_data_reads() -> Iterator[None]:
    """Fail a test that opens or lists a file under the live claims/, seeds/ or geodata/ (use DATA or a copy)."""
    start = len(_LIVE_OPENED)
    yield
    opened = _LIVE_OPENED[start:]
    del _LIVE_OPENED[start:]
    if opened:
        pytest.fail("the test read the live project folders (use the copies in tests/conftest.py): "
                    + ", ".join(sorted(set(opened))[:5]), pytrace=False)


def _live_state() -> dict[str, tuple[int, int]]:
    """Every file in the live data folders with its size and modification time."""
    return {str(p.relative_to(ROOT)): (p.stat().st_size, p.stat().st_mtime_ns)
            for name in DATA_FOLDERS for p in (ROOT / name).rglob("*") if p.is_file()}


def pytest_sessionstart(session: pytest.Session) -> None:
    """Note the live data folders before any test runs (in the controlling process only)."""
    if not hasattr(session.config, "workerinput"):
        session.config.stash[_LIVE] = _live_state()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if any test wrote into the live data folders."""
    before = session.config.stash.get(_LIVE, None)
    if before is None:
        return
    after = _live_state()
    touched = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    if touched:
        session.config.get_terminal_writer().line(
            "tests wrote into the live project folders (they must use copies): " + ", ".join(touched[:10]), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_report_header(config: pytest.Config) -> str:
    """Say which data the tests use, and warn when unstaged edits of the data are not part of it."""
    changed = subprocess.run(["git", "-C", str(ROOT), "diff", "--name-only", "--", *DATA_FOLDERS],
                             capture_output=True, text=True).stdout.split() if (ROOT / ".git").exists() else []
    note = f"; not seen (unstaged, `git add` them to test them): {', '.join(changed)}" if changed else ""
    return f"project data: a copy of git's index version of {', '.join(DATA_FOLDERS)}{note}"


_LIVE = pytest.StashKey[dict]()


@pytest.fixture()
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record and refuse every attempt to resolve a name or open a connection from Python."""
    tried: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object) -> object:
            tried.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"network access attempted in a test: {name}")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return tried


def drawn_fill(nation: str | None, status: str = "speculative") -> str:
    """The colour a sector's fill is drawn with, from the palette and status styles (not from a rendering): the
    nation's colour at its status's opacity over the land drawn beneath the sectors."""
    from mapview.render.style import LAND_COLOUR, STATUS_STYLES, nation_colour

    alpha = STATUS_STYLES[status].alpha
    fill, under = nation_colour(nation), LAND_COLOUR
    channels = [round(alpha * int(fill[i:i + 2], 16) + (1 - alpha) * int(under[i:i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


def close_colours(a: str, b: str, tolerance: int = 4) -> bool:
    """Two ``#rrggbb`` colours within ``tolerance`` per channel (blending rounds differently per renderer)."""
    return all(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) <= tolerance for i in (1, 3, 5))


@pytest.fixture()
def window_on_copy(qtbot, data_copy: ProjectPaths):
    """The real window on a private copy of the project, shown at 1400x900."""
    from mapview.qt.mainwindow import MainWindow

    window = MainWindow(load_project(data_copy))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_row(qtbot, view, row, part: str = "text") -> None:
    """Click an evidence list's row where a user would: on its text, or (``part="copy"``) on its copy button."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.point_of(row, part))


def passage_row(panel, fragment: str):
    """The first passage row a panel lists whose quote holds ``fragment``."""
    return next(r for r in panel.passage_rows() if fragment in shown_quote(r))


def shown_quote(row) -> str:
    """The quote a passage row shows (its first line)."""
    return row.lines[0][1]


@pytest.fixture()
def web():
    """A web server on 127.0.0.1 for this test (tests/webserver.py)."""
    from tests.webserver import serve

    yield from serve()


@pytest.fixture()
def only_this_machine(monkeypatch):
    """Every connection not to this machine is refused and recorded."""
    from tests.webserver import guard

    return guard(monkeypatch)
