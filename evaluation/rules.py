"""Who may see the board dashboard of an area.

The dashboard holds aggregates only (counts, shares, medians), never one person's answer, so
it is for the people who govern and run the partnership: board members, officers and
commissioners, the area's administrators, and parent carer representatives, who sit with the
board in the self-evaluation (Ofsted and the CQC usually meet the partnership with the parent
carer forum in the room). Young people see their own pages; the dashboard is not one of them.
"""

import rules

from coproduction.people.rules import (
    is_area_admin,
    is_area_board_member,
    is_area_officer,
    is_area_parent_carer,
)

can_view_dashboard = is_area_board_member | is_area_officer | is_area_admin | is_area_parent_carer

# Checked against the area (the body pages of the dashboard too: a body belongs to the area).
rules.add_perm("evaluation.view_dashboard", can_view_dashboard)
