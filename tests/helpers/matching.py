"""People the matching tests of more than one layer share."""

from __future__ import annotations

from datetime import date

from revmentor_desktop.domain.people import PersonDraft


def smooth_patchy_keen() -> list[PersonDraft]:
    """Two mentors and one mentee, Keen. Smooth fits her in every way but teaches nothing she
    wants; Patchy teaches one of her three topics but shares no meeting format, place or
    department with her. (No consent date: each test gives its own.)"""
    staff = [
        ("Smooth", 2023, "IT", "Leeds", "either", ["Excel"], []),
        ("Patchy", 2023, "Sales", "Lyon", "in person", ["AI"], []),
        ("Keen", 2001, "Sales", "Leeds", "video call", [], ["AI", "TikTok", "Canva"]),
    ]
    return [
        PersonDraft(
            name,
            hire_date=date(hired, 1, 1),
            department=department,
            location=location,
            meeting_format=meets,
            teaches=teaches,
            learns=learns,
        )
        for name, hired, department, location, meets, teaches, learns in staff
    ]
