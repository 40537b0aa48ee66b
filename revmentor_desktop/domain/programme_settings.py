"""The programme's settings as the coordinator changes them, in the window or on the command line.

``load()`` reads everything the settings screen shows into one ``ProgrammeSettings``; a changed
copy goes back through ``problems`` (plain messages by field) and ``apply`` (which writes only
what changed, and raises the agreement's version once when its wording changed). The window
saves a whole dialog as one undoable edit (``edits.change_settings``); ``revmentor settings``
changes one *entry* at a time through the same two functions, so both check and store alike.

Entries are the settings by name: the simple ones carry the ``name`` declared in
``domain.settings``; families add ``agreement.CLAUSE.heading|body``, ``matching.KIND.RULE`` and
``matching.cohort.ID.RULE``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from revmentor_desktop.domain import agreement_text, paper, settings
from revmentor_desktop.domain.agreement_text import DEFAULT_CLAUSES, Clause
from revmentor_desktop.domain.errors import ValidationError
from revmentor_desktop.domain.logo import Logo, read_logo
from revmentor_desktop.domain.matching import saved_rules
from revmentor_desktop.domain.matching.rules import DEFAULT_WEIGHTS, Rule, Weight
from revmentor_desktop.domain.vocabulary import CohortKind
from revmentor_desktop.storage.models import Cohort, database_proxy

# The settings with one plain value each, in the order the settings list shows them. Their
# ``name`` is also the field of ``ProgrammeSettings`` that holds them.
SIMPLE: tuple[settings.DataSetting[Any], ...] = (
    settings.ORGANISATION_NAME,
    settings.PAGE_SIZE,
    settings.COORDINATOR_NAME,
    settings.COORDINATOR_CONTACT,
    settings.SPONSOR_NAME,
    settings.SPONSOR_TITLE,
    settings.SMALLEST_GROUP,
    settings.AGREEMENT_VERSION,
    settings.RETENTION_MONTHS,
    settings.TIME_ZONE,
)
LOGO_NAME = settings.LOGO.name
FOLLOW_KIND = "kind"  # what a cohort's weight is set to on the command line to follow its kind


@dataclass(frozen=True)
class CohortWeights:
    """A cohort's matching weights: ``own`` holds only the rules it sets apart from its kind."""

    cohort_id: int
    name: str
    kind: CohortKind
    own: Mapping[Rule, Weight] = field(default_factory=dict)


@dataclass(frozen=True)
class ProgrammeSettings:
    organisation_name: str
    page_size: str  # "A4" or "Letter" once chosen; "" follows this computer's locale
    coordinator_name: str
    coordinator_contact: str
    sponsor_name: str  # signs certificates; "" leaves it to the coordinator
    sponsor_title: str
    anonymity_threshold: int
    agreement_version: str
    retention_months: int
    time_zone: str
    logo: Logo | None
    clauses: Mapping[str, Clause]  # every clause as the agreement prints it
    kind_weights: Mapping[CohortKind, Mapping[Rule, Weight]]  # every rule, per kind
    cohorts: tuple[CohortWeights, ...] = ()

    def cohort(self, cohort_id: int) -> CohortWeights:
        return next(cohort for cohort in self.cohorts if cohort.cohort_id == cohort_id)

    def with_cohort(self, changed: CohortWeights) -> ProgrammeSettings:
        cohorts = tuple(
            changed if cohort.cohort_id == changed.cohort_id else cohort for cohort in self.cohorts
        )
        return replace(self, cohorts=cohorts)

    def with_clause(self, clause: Clause) -> ProgrammeSettings:
        return replace(self, clauses={**self.clauses, clause.key: clause})

    def with_weight(self, kind: CohortKind, rule: Rule, weight: Weight) -> ProgrammeSettings:
        weights = {**self.kind_weights, kind: {**self.kind_weights[kind], rule: weight}}
        return replace(self, kind_weights=weights)

    def weight_of(self, cohort: CohortWeights, rule: Rule) -> Weight:
        """The weight the cohort matches with: its own, else its kind's."""
        return cohort.own.get(rule, self.kind_weights[cohort.kind][rule])


def load() -> ProgrammeSettings:
    values = {setting.name: settings.get(setting) for setting in SIMPLE}
    values[settings.PAGE_SIZE.name] = paper.chosen_page_size()
    return ProgrammeSettings(
        **values,
        logo=Logo.from_setting(settings.get(settings.LOGO)),
        clauses={key: agreement_text.clause(key) for key in DEFAULT_CLAUSES},
        kind_weights={kind: saved_rules.kind_weights(kind) for kind in CohortKind},
        cohorts=tuple(
            CohortWeights(
                cohort.id,
                cohort.name,
                CohortKind(cohort.kind),
                saved_rules.cohort_weights(cohort.id),
            )
            for cohort in Cohort.select(Cohort.id, Cohort.name, Cohort.kind).order_by(
                Cohort.name, Cohort.id
            )
        ),
    )


def problems(
    old: ProgrammeSettings, new: ProgrammeSettings, typed: Collection[str] = ()
) -> dict[str, str]:
    """What is wrong with the values ``new`` changes, by name (a setting's, a clause's
    ``agreement.KEY``, a kind's ``matching.KIND``, a cohort's ``matching.cohort.ID``).

    Settings named in ``typed`` are checked even if unchanged: an empty organisation name is
    "not set" until someone types it as the name.
    """
    found: dict[str, str] = {}
    for setting in SIMPLE:
        value = getattr(new, setting.name)
        checked = value != getattr(old, setting.name) or setting.name in typed
        if checked and (problem := setting.problem(value)):
            found[setting.name] = problem
    for key, clause in new.clauses.items():
        if clause != old.clauses[key] and (problem := _clause_problem(clause)):
            found[f"agreement.{key}"] = problem
    for kind, weights in new.kind_weights.items():
        if weights != old.kind_weights[kind] and (
            problem := saved_rules.weights_problem(kind, weights)
        ):
            found[f"matching.{kind.value}"] = problem
    for cohort in new.cohorts:
        if cohort.own != old.cohort(cohort.cohort_id).own:
            effective = {rule: new.weight_of(cohort, rule) for rule in Rule}
            if problem := saved_rules.weights_problem(cohort.kind, effective):
                found[f"matching.cohort.{cohort.cohort_id}"] = problem
    return found


def _clause_problem(clause: Clause) -> str:
    heading = DEFAULT_CLAUSES[clause.key].heading
    if not clause.heading.strip():
        return f"The heading of “{heading}” cannot be empty; reset it to the default instead."
    if not clause.body.strip():
        return f"The wording of “{heading}” cannot be empty; reset it to the default instead."
    return ""


def apply(old: ProgrammeSettings, new: ProgrammeSettings) -> None:
    """Store what ``new`` changes from ``old`` (both from ``load``), in one transaction.

    Values equal to a default are stored too: a paper size chosen once is remembered even
    when it is the one this computer's locale would give.
    """
    with database_proxy.atomic():
        for setting in SIMPLE:
            value = getattr(new, setting.name)
            if value == getattr(old, setting.name):
                continue
            if value == setting.default and setting.problem(value):
                settings.reset(setting)  # back to "not set" (the organisation name)
            else:
                settings.put(setting, value)
        if new.logo != old.logo:
            if new.logo is None:
                settings.reset(settings.LOGO)
            else:
                settings.put(settings.LOGO, new.logo.as_setting())
        _apply_wording(old, new)
        for kind, weights in new.kind_weights.items():
            if weights != old.kind_weights[kind]:
                saved_rules.save_kind_weights(kind, weights)
        for cohort in new.cohorts:
            if cohort.own != old.cohort(cohort.cohort_id).own:
                saved_rules.save_cohort_weights(cohort.cohort_id, cohort.kind, cohort.own)


def _apply_wording(old: ProgrammeSettings, new: ProgrammeSettings) -> None:
    changed = {key: clause for key, clause in new.clauses.items() if clause != old.clauses[key]}
    bumped = agreement_text.save_wording(changed)
    if bumped and new.agreement_version != old.agreement_version:
        # The coordinator typed a version of their own along with the new wording: theirs wins.
        settings.put(settings.AGREEMENT_VERSION, new.agreement_version)


def next_agreement_version(old: ProgrammeSettings, new: ProgrammeSettings) -> str:
    """The version the agreement will have once ``new`` is applied."""
    if new.agreement_version != old.agreement_version:
        return new.agreement_version
    if any(clause != old.clauses[key] for key, clause in new.clauses.items()):
        return agreement_text.next_version(old.agreement_version)
    return old.agreement_version


def describe_change(old: ProgrammeSettings, new: ProgrammeSettings) -> str:
    """What an undo of this change is called: "Change organisation name", or in general."""
    labels = [
        setting.label
        for setting in SIMPLE
        if getattr(new, setting.name) != getattr(old, setting.name)
    ]
    if new.logo != old.logo:
        labels.append("Logo")
    if new.clauses != old.clauses:
        labels.append("Agreement wording")
    if new.kind_weights != old.kind_weights or new.cohorts != old.cohorts:
        labels.append("Matching weights")
    if len(labels) == 1:
        return f"Change {labels[0][0].lower()}{labels[0][1:]}"
    return "Change programme settings"


# ---------------------------------------------------------------------------------------------
# Entries: the settings by name, as text (``revmentor settings``)


@dataclass(frozen=True)
class Entry:
    """One setting by name. ``value`` is what applies now, ``default`` what applies when the
    coordinator has set nothing; ``parse`` and ``reset`` give changed copies of the settings."""

    name: str
    group: str
    label: str
    value: Callable[[ProgrammeSettings], str]
    default: Callable[[ProgrammeSettings], str]
    parse: Callable[[ProgrammeSettings, str], ProgrammeSettings]
    reset: Callable[[ProgrammeSettings], ProgrammeSettings]


ORGANISATION_GROUP = "Organisation and documents"
PRIVACY_GROUP = "Privacy and calendars"
AGREEMENT_GROUP = "Agreement wording"
MATCHING_GROUP = "Matching weights for every cohort of a kind"


def entries(current: ProgrammeSettings) -> list[Entry]:
    """Every setting by name, in the order a list shows them."""
    found = [_simple_entry(setting) for setting in SIMPLE]
    found.insert(1, _logo_entry())
    for key in DEFAULT_CLAUSES:
        found.extend(_clause_entries(key))
    for kind in CohortKind:
        found.extend(_kind_entry(kind, rule) for rule in _rules_of(kind))
    for cohort in current.cohorts:
        found.extend(_cohort_entry(cohort, rule) for rule in _rules_of(cohort.kind))
    return found


def find_entry(current: ProgrammeSettings, name: str) -> Entry:
    """The entry called ``name``; a ValidationError lists what a close name could be."""
    wanted = name.strip().casefold().replace("-", "_")
    every = entries(current)
    for entry in every:
        if entry.name.casefold() == wanted:
            return entry
    names = [entry.name for entry in every]
    similar = [known for known in names if wanted in known.casefold()]
    similar += difflib.get_close_matches(wanted, names, n=3)
    similar = list(dict.fromkeys(similar))[:4]
    hint = f" Did you mean {' or '.join(similar)}?" if similar else ""
    raise ValidationError(
        {name: f"There is no setting called “{name}”.{hint} `revmentor settings` lists them all."}
    )


def _rules_of(kind: CohortKind) -> list[Rule]:
    """The rules a coordinator can weigh for ``kind`` (mutual pairs have no seniority)."""
    return [rule for rule in Rule if not (kind is CohortKind.MUTUAL and rule is Rule.SENIORITY)]


def _group_of(setting: settings.DataSetting[Any]) -> str:
    private = (settings.RETENTION_MONTHS, settings.TIME_ZONE)
    return PRIVACY_GROUP if setting in private else ORGANISATION_GROUP


def _simple_entry(setting: settings.DataSetting[Any]) -> Entry:
    name = setting.name

    def value(current: ProgrammeSettings) -> str:
        if setting is settings.PAGE_SIZE:
            return current.page_size or paper.locale_page_size()
        return str(getattr(current, name))

    def default(_current: ProgrammeSettings) -> str:
        return paper.locale_page_size() if setting is settings.PAGE_SIZE else str(setting.default)

    def parse(current: ProgrammeSettings, text: str) -> ProgrammeSettings:
        return replace(current, **{name: _typed(setting, text)})

    def reset(current: ProgrammeSettings) -> ProgrammeSettings:
        return replace(current, **{name: setting.default})

    return Entry(name, _group_of(setting), setting.label, value, default, parse, reset)


def _typed(setting: settings.DataSetting[Any], text: str) -> Any:
    if setting.kind is int:
        try:
            return int(text.strip())
        except ValueError:
            raise ValidationError(
                {setting.name: f"{setting.label} is a whole number, not “{text}”."}
            ) from None
    if setting is settings.PAGE_SIZE:
        known = {size.casefold(): size for size in settings.PAGE_SIZES}
        return known.get(text.strip().casefold(), text)
    return text.strip()


def _logo_entry() -> Entry:
    return Entry(
        LOGO_NAME,
        ORGANISATION_GROUP,
        "Logo (a PNG, JPEG or SVG file; give its path)",
        lambda current: current.logo.describe() if current.logo else "",
        lambda _current: "",
        lambda current, text: replace(current, logo=read_logo(Path(text).expanduser())),
        lambda current: replace(current, logo=None),
    )


def _clause_entries(key: str) -> list[Entry]:
    default = DEFAULT_CLAUSES[key]

    def part(name: str, label: str) -> Entry:
        return Entry(
            f"agreement.{key}.{name}",
            AGREEMENT_GROUP,
            f"{label} of “{default.heading}”",
            lambda current: getattr(current.clauses[key], name),
            lambda _current: getattr(default, name),
            lambda current, text: current.with_clause(
                replace(current.clauses[key], **{name: text.strip()})
            ),
            lambda current: current.with_clause(
                replace(current.clauses[key], **{name: getattr(default, name)})
            ),
        )

    return [part("heading", "Heading"), part("body", "Wording")]


def _weight(text: str, name: str) -> Weight:
    try:
        return Weight(text.strip().casefold())
    except ValueError:
        choices = ", ".join(weight.value for weight in Weight)
        raise ValidationError(
            {name: f"“{text}” is not a weight: choose one of {choices}."}
        ) from None


def _kind_entry(kind: CohortKind, rule: Rule) -> Entry:
    name = f"matching.{kind.value}.{rule.value}"
    default = DEFAULT_WEIGHTS[kind][rule]
    return Entry(
        name,
        MATCHING_GROUP,
        f"{rule.label} in {kind.value} cohorts",
        lambda current: current.kind_weights[kind][rule].value,
        lambda _current: default.value,
        lambda current, text: current.with_weight(kind, rule, _weight(text, name)),
        lambda current: current.with_weight(kind, rule, default),
    )


def _cohort_entry(cohort: CohortWeights, rule: Rule) -> Entry:
    name = f"matching.cohort.{cohort.cohort_id}.{rule.value}"

    def with_own(current: ProgrammeSettings, weight: Weight | None) -> ProgrammeSettings:
        own = dict(current.cohort(cohort.cohort_id).own)
        own.pop(rule, None)
        if weight is not None:
            own[rule] = weight
        return current.with_cohort(replace(current.cohort(cohort.cohort_id), own=own))

    def parse(current: ProgrammeSettings, text: str) -> ProgrammeSettings:
        if text.strip().casefold() == FOLLOW_KIND:
            return with_own(current, None)
        return with_own(current, _weight(text, name))

    return Entry(
        name,
        f"Matching weights of the cohort “{cohort.name}” ({cohort.kind.value})",
        f"{rule.label} in “{cohort.name}” (“{FOLLOW_KIND}”: as its kind)",
        lambda current: current.weight_of(current.cohort(cohort.cohort_id), rule).value,
        lambda current: current.kind_weights[cohort.kind][rule].value,
        parse,
        lambda current: with_own(current, None),
    )
