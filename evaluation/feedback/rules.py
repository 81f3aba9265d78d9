"""Who may do what with feedback items, responses and the "You said, we did" pages.

- Parent carers and young people send their own feedback and see what they sent ("What you
  told us"); never anyone else's unpublished items, never who said what.
- Officers (and commissioners) and area administrators record and import items, answer
  them, leave them out of publication, anonymise and publish them.
- The "You said, we did" pages and the yearly Local Offer publication are for the area's
  members, or for everyone when the area's setting makes them public (regulation 56).
- Area administrators change the area's feedback settings.
"""

import rules

from coproduction.people.models import LocalArea
from coproduction.people.rules import (
    is_area_admin,
    is_area_family_member,
    is_area_member,
    is_area_officer,
)
from evaluation.feedback import selectors


@rules.predicate
def is_published_to_everyone(person, obj=None):
    """The area (`obj` is a LocalArea) shows its "You said, we did" pages to everyone."""
    if not isinstance(obj, LocalArea):
        return False
    cache = obj.__dict__.setdefault("_feedback_public", [])
    if not cache:
        cache.append(selectors.is_public(area=obj))
    return cache[0]


is_feedback_manager = is_area_officer | is_area_admin

rules.add_perm("feedback.view_publication", is_area_member | is_published_to_everyone)
rules.add_perm("feedback.send_feedback", is_area_family_member)
# "What you told us" lists what the person sent: only parent carers and young people send
# feedback, so only they have the page (for anyone else it would always be empty).
rules.add_perm("feedback.view_own_feedback", is_area_family_member)
rules.add_perm("feedback.manage_feedback", is_feedback_manager)
rules.add_perm("feedback.manage_settings", is_area_admin)
