"""Who may do what with conditions rounds, the action plan and the yearly self-evaluation.

- Officers (officers and commissioners) open and close rounds and manage the action plan.
- Only a round's invited raters rate it; a score is seen by its rater alone.
- Results (aggregates only, after closing) are for officers, board members, area
  administrators and the round's raters.
- The yearly self-evaluation is agreed by the forum and partners: officers and parent carer
  forum representatives manage it; every member of the area can read it and the plan.
- An action's owner may update it (its status, mostly).
"""

import rules

from coproduction.people.rules import (
    is_area_admin,
    is_area_board_member,
    is_area_member,
    is_area_officer,
    is_area_parent_carer,
)
from evaluation.conditions.models import RoundRater


@rules.predicate
def is_round_rater(person, conditions_round=None):
    """The person is invited to rate `conditions_round` and still belongs to its area."""
    if conditions_round is None or not hasattr(conditions_round, "closes_on"):
        return False
    cache = conditions_round.__dict__.setdefault("_rater", {})
    key = getattr(person, "pk", None)
    if key not in cache:
        cache[key] = is_area_member(person, conditions_round) and (
            RoundRater.objects.filter(round=conditions_round, person_id=key).exists()
        )
    return cache[key]


@rules.predicate
def is_action_owner(person, action=None):
    return action is not None and getattr(action, "owner_id", None) == getattr(person, "pk", 0)


sees_all_rounds = is_area_officer | is_area_board_member | is_area_admin

rules.add_perm("conditions.view_rounds", is_area_member)
rules.add_perm("conditions.see_all_rounds", sees_all_rounds)
rules.add_perm("conditions.open_round", is_area_officer)
rules.add_perm("conditions.view_round", sees_all_rounds | is_round_rater)
rules.add_perm("conditions.close_round", is_area_officer)
rules.add_perm("conditions.rate_round", is_round_rater)
rules.add_perm("conditions.view_results", sees_all_rounds | is_round_rater)

rules.add_perm("conditions.view_action_plan", is_area_member)
rules.add_perm("conditions.manage_actions", is_area_officer)
rules.add_perm("conditions.change_action", is_area_officer | (is_area_member & is_action_owner))

rules.add_perm("conditions.view_activities", is_area_member)
rules.add_perm("conditions.manage_activities", is_area_officer | is_area_parent_carer)
