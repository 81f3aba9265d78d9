"""Who may do what with the engagement dial, declared and experienced levels, the
characteristics check and the stakeholder map.

Self-evaluation is done with families in the room (IMPOWER), so every member of the area may
read it: officers, commissioners, board members, administrators, parent carer
representatives and young people. Officers and commissioners record and change it (they run
the workshops and hold the evidence); the area administrator chooses the ladder's words. Only
the parent carers and young people who took part in an activity say which level they
experienced, and each sees only their own answer.
"""

import rules

from coproduction.people.rules import (
    is_area_admin,
    is_area_family_member,
    is_area_member,
    is_area_officer,
)
from evaluation.dial import selectors


@rules.predicate
def took_part(person, declaration=None):
    """The person is a parent carer or young person who took part in the declared activity
    (see `selectors.took_part` for what taking part means for each kind of activity)."""
    if declaration is None or not hasattr(declaration, "answers"):
        return False
    cache = declaration.__dict__.setdefault("_took_part", {})
    key = getattr(person, "pk", None)
    if key not in cache:
        cache[key] = is_area_family_member(person, declaration) and selectors.took_part(
            declaration=declaration, person=person
        )
    return cache[key]


# Area-wide pages, checked against the area.
rules.add_perm("dial.view_self_evaluation", is_area_member)
rules.add_perm("dial.record_self_evaluation", is_area_officer)
rules.add_perm("dial.manage_settings", is_area_admin)

# One record of the area (a subject, an assessment, a declaration, a stakeholder).
rules.add_perm("dial.view_record", is_area_member)
rules.add_perm("dial.change_record", is_area_officer)
rules.add_perm("dial.answer_experienced", took_part)
