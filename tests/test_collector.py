"""collector.paused: the cyclic collector off inside the block, and as it was after it, whatever happens."""

from __future__ import annotations

import gc

import pytest

from framing.analysis import collector


@pytest.fixture(autouse=True)
def _restore_collector():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("collecting", [True, False])
def test_paused_inside_and_as_it_was_after(collecting: bool) -> None:
    (gc.enable if collecting else gc.disable)()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # nested: the inner block leaves it off for the outer one
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() == collecting


def test_an_error_inside_still_restores_the_collector() -> None:
    gc.enable()
    with pytest.raises(KeyError), collector.paused():
        raise KeyError("boom")
    assert gc.isenabled()
