"""Test configuration: headless Qt and matplotlib, and shared fixtures for the project's real data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
# Never the user's own settings (window layout, export folder): Qt reads them from $XDG_CONFIG_HOME on Linux.
os.environ["XDG_CONFIG_HOME"] = __import__("tempfile").mkdtemp(prefix="mapview-test-config-")

import socket  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from mapview.data.project import Project, ProjectPaths, load_project  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
# how many claims and passages the curated file holds (counted from the file, so tests follow its curation)
_CURATED = __import__("json").loads((ROOT / "claims" / "claims.json").read_text(encoding="utf-8"))["claims"]
CURATED_CLAIMS = len(_CURATED)
CURATED_PASSAGES = sum(len(c["evidence"]) for c in _CURATED)


@pytest.fixture(scope="session")
def project() -> Project:
    """The project's own data, loaded once (read-only: tests must not mutate it)."""
    return load_project(ProjectPaths.defaults())


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh QSettings folder and per-user config folder (saved views) per test: one test's saved window layout,
    export folder or map view never reaches another, nor the user's own."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture()
def data_copy(tmp_path: Path) -> ProjectPaths:
    """A private copy of claims, seeds and geodata that a test may edit."""
    import shutil

    for name in ("claims", "seeds", "geodata"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for path in tmp_path.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return ProjectPaths(
        sectors=tmp_path / "geodata" / "sectors.geojson",
        claims=tmp_path / "claims" / "claims.json",
        seeds=tmp_path / "seeds",
        context=tmp_path / "geodata" / "context.geojson",
    )


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
