"""The pair's history of messages: which template was prepared for whom, and when.

Only that is kept, never the words of the message (they may be personal, and the draft that
holds them is the coordinator's to send or delete). Each preparation is written in one
transaction; it is not an undoable edit, since the drafts it records stay written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.messages.planning import Message
from revmentor_desktop.domain.messages.templates import BUILT_IN
from revmentor_desktop.storage.models import Cohort, Pair, Person, PreparedMessage, database_proxy

ERASED = "someone whose data was erased"


@dataclass(frozen=True)
class HistoryLine:
    prepared_at: datetime
    template: str  # its name
    template_title: str  # as lists show it
    person_name: str
    role_label: str


def record_prepared(messages: Sequence[Message], clock: Clock = system_clock) -> None:
    """Note that a draft of each message was prepared now (one transaction for them all)."""
    now = clock()
    rows = [
        {
            "pair": message.recipient.pair_id,
            "person": message.recipient.person_id,
            "role": message.recipient.role,
            "template": message.template,
            "prepared_at": now,
        }
        for message in messages
    ]
    with database_proxy.atomic():
        for start in range(0, len(rows), 200):
            PreparedMessage.insert_many(rows[start : start + 200]).execute()


def history_of(pair_id: int) -> list[HistoryLine]:
    """What was prepared for the pair's partners, newest first."""
    query = (
        PreparedMessage.select(PreparedMessage, Person, Pair, Cohort)
        .join(Pair)
        .join(Cohort)
        .switch(PreparedMessage)
        .join(Person, join_type=JOIN.LEFT_OUTER)
        .where(PreparedMessage.pair == pair_id)
        .order_by(PreparedMessage.prepared_at.desc(), PreparedMessage.id.desc())
    )
    lines = []
    for row in query:
        cohort = row.pair.cohort
        label = cohort.mentor_label if row.role == "mentor" else cohort.mentee_label
        known = BUILT_IN.get(row.template)
        lines.append(
            HistoryLine(
                row.prepared_at,
                row.template,
                known.title if known else row.template,
                row.person.name if row.person_id is not None else ERASED,
                label,
            )
        )
    return lines
