"""The pairs Today points out: active pairs whose health slipped, and proposed pairs still
waiting for a signed agreement."""

from __future__ import annotations

from revmentor_desktop.domain.clock import Clock, system_clock
from revmentor_desktop.domain.health import HealthLevel, pair_health
from revmentor_desktop.domain.namesakes import LABEL_WIDTH, label_columns, label_from, person_labels
from revmentor_desktop.domain.pairs.listing import last_held_at
from revmentor_desktop.domain.pairs.records import FlaggedPair, UnsignedPair
from revmentor_desktop.domain.queries import as_date, as_datetime
from revmentor_desktop.domain.vocabulary import PairStatus
from revmentor_desktop.storage.models import Cohort, Pair, Person, database_proxy


def pairs_needing_attention(clock: Clock = system_clock) -> list[FlaggedPair]:
    """Active pairs whose health is amber or red, by mentee, from one narrow query (and one
    for the labels of the few people in them)."""
    today = clock().date()
    mentee = Person.alias("mentee")
    select = (
        Pair.select(
            Pair.id, Pair.mentor, Pair.mentee, Pair.start_date, last_held_at(), Cohort.cadence_days
        )
        .join(Cohort, on=(Pair.cohort == Cohort.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .where(Pair.status == PairStatus.ACTIVE.value)
        .order_by(mentee.name, Pair.id)
    )
    active = database_proxy.execute(select).fetchall()
    needing = []
    for pair_id, mentor_id, mentee_id, start, last, cadence in active:
        last_held = as_date(last)
        health = pair_health(PairStatus.ACTIVE, as_date(start), last_held, cadence, today)
        if health.level in (HealthLevel.AMBER, HealthLevel.RED):
            needing.append((pair_id, mentor_id, mentee_id, last_held, health, start, cadence))
    labels = person_labels({row[1] for row in needing} | {row[2] for row in needing})
    return [
        FlaggedPair(
            pair_id,
            labels[mentor_id],
            labels[mentee_id],
            last_held,
            health,
            as_date(start),
            cadence,
        )
        for pair_id, mentor_id, mentee_id, last_held, health, start, cadence in needing
    ]


def pairs_awaiting_agreement() -> list[UnsignedPair]:
    """Proposed pairs without a signed agreement, longest waiting first, from one query."""
    mentor = Person.alias("mentor")
    mentee = Person.alias("mentee")
    select = (
        Pair.select(Pair.id, Pair.created_at, *label_columns(mentor), *label_columns(mentee))
        .join(mentor, on=(Pair.mentor == mentor.id))
        .switch(Pair)
        .join(mentee, on=(Pair.mentee == mentee.id))
        .where((Pair.status == PairStatus.PROPOSED.value) & Pair.agreement_signed.is_null())
        .order_by(Pair.created_at, Pair.id)
    )
    return [
        UnsignedPair(
            values[0],
            label_from(values[2 : 2 + LABEL_WIDTH]),
            label_from(values[2 + LABEL_WIDTH :]),
            as_datetime(values[1]).date(),
        )
        for values in database_proxy.execute(select).fetchall()
    ]
