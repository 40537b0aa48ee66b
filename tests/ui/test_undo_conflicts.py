"""Undo in the window when another coordinator changed the record since: it says so."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from revmentor_desktop.domain import edits, pairs
from revmentor_desktop.storage.models import Pair
from revmentor_desktop.ui.context import AppContext
from tests.reports import programme


def test_undo_over_a_later_change_is_refused_dropped_and_explained(
    qtbot: QtBot, context: AppContext
) -> None:
    pair_id = programme.build_programme().pair_id
    draft = dataclasses.replace(pairs.get_pair(pair_id), shared_summary="Mine")
    context.edits.push(edits.update_pair(pair_id, draft))
    Pair.update(shared_summary="Theirs").where(Pair.id == pair_id).execute()  # another app

    with qtbot.waitSignal(context.edits.refused) as refusal:
        context.edits.undo_stack.undo()

    assert "another coordinator has changed the pair of" in refusal.args[0]
    assert pairs.get_pair(pair_id).shared_summary == "Theirs"
    assert context.edits.undo_stack.count() == 0  # nothing left that would overwrite it
