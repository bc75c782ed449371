"""A widget's subscriptions to the evented state, dropped when the widget closes or is destroyed.

psygnal keeps only weak references to bound methods, but a Qt widget's Python wrapper can outlive its C++ object;
a slot called then raises. So every view connects through a ``Subscriptions`` child object, and the window calls
``disconnect_all`` on close (and Qt's ``destroyed`` signal does it for a widget deleted on its own).
"""

from __future__ import annotations

from collections.abc import Callable

from psygnal import SignalInstance
from PySide6.QtCore import QObject


class Subscriptions(QObject):
    """The (signal, slot) pairs one widget connected to the state; ``disconnect_all`` undoes them all."""

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.setObjectName("stateSubscriptions")
        self._pairs: list[tuple[SignalInstance, Callable[..., object]]] = []
        pairs = self._pairs  # the lambda must not hold the widget (or this object) alive

        def drop() -> None:
            _disconnect(pairs)

        owner.destroyed.connect(drop)

    def connect(self, signal: SignalInstance, slot: Callable[..., object]) -> None:
        """Connect ``slot`` to a state signal, to be disconnected with the others."""
        signal.connect(slot)
        self._pairs.append((signal, slot))

    def disconnect_all(self) -> None:
        """Disconnect every slot connected through this object (safe to call twice)."""
        _disconnect(self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)


def _disconnect(pairs: list[tuple[SignalInstance, Callable[..., object]]]) -> None:
    while pairs:
        signal, slot = pairs.pop()
        signal.disconnect(slot, missing_ok=True)
