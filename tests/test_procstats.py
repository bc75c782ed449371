"""The cycle-collector pause used at start-up, by loads and by exports: the collector comes back as it was, and with
``freeze_after`` what the block allocated is out of later collections' way but still freed when dropped."""

from __future__ import annotations

import gc
import weakref

import pytest

from mapview.procstats import collection_paused


@pytest.fixture()
def unfrozen():
    """Each test starts and ends with nothing frozen and the collector on."""
    gc.unfreeze()
    gc.enable()
    yield
    gc.unfreeze()
    gc.enable()


class Node:
    """An object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


def test_the_collector_is_off_inside_and_back_after(unfrozen) -> None:
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()  # restored as it was, not switched on


def test_the_collector_comes_back_when_the_block_raises(unfrozen) -> None:
    with pytest.raises(ValueError), collection_paused(freeze_after=True):
        raise ValueError("bad input")
    assert gc.isenabled()


def test_freeze_after_takes_what_lives_out_of_collections(unfrozen) -> None:
    with collection_paused():
        kept = [Node() for _ in range(10)]
    assert gc.get_freeze_count() == 0  # without freeze_after nothing is frozen
    with collection_paused(freeze_after=True):
        kept += [Node() for _ in range(10)]
    assert gc.get_freeze_count() >= len(kept)
    assert not any(gc.is_tracked(n) and n in gc.get_objects(generation=2) for n in kept[-3:])


def test_frozen_objects_are_still_freed_when_dropped(unfrozen) -> None:
    with collection_paused(freeze_after=True):
        plain = Node()
    gone = weakref.ref(plain)
    del plain  # no cycle: reference counting frees it, frozen or not
    assert gone() is None
