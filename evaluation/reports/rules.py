"""Who may ask for reports and download them.

Asking: the area's board members, officers, commissioners and administrators (the people who
answer for the partnership's evidence). Downloading: the same people, for every report of
their area; and, for a report about one board or work stream, the people who chair,
co-chair or lead that body today (they take it to their meetings). Other members of a body
may not download: a body's report is the board's working evidence, shared through its
papers when the chair chooses. Parent carers and young people see feedback through the
published "You said, we did" pages instead.
"""

import rules

from coproduction.people.rules import (
    is_area_admin,
    is_area_board_member,
    is_area_member,
    is_area_officer,
)
from forums.rules import chairs_a_body_in_area
from forums.selectors import chaired_body_ids

is_report_reader = is_area_board_member | is_area_officer | is_area_admin


@rules.predicate
def chairs_report_body(person, report=None):
    """`report` is about a body that `person` chairs, co-chairs or leads today."""
    body_id = getattr(report, "body_id", None)
    if body_id is None or not getattr(person, "is_authenticated", False):
        return False
    return body_id in chaired_body_ids(person) and is_area_member(person, report)


# Area-wide pages, checked against the area.
rules.add_perm("reports.view_reports", is_report_reader | chairs_a_body_in_area)
rules.add_perm("reports.request_report", is_report_reader)
# One report (its page, its versions and its download).
rules.add_perm("reports.view_report", is_report_reader | chairs_report_body)
