"""Who may do what with the training register.

Every member of an area sees its courses and the area's (suppressed) training figures; people
whose role fits a course's audience sign up; officers, commissioners and area administrators
manage courses, record attendance and see the area's training records.
"""

import rules

from coproduction.people.rules import is_area_admin, is_area_member, is_area_officer, roles_in_area
from coproduction.training.models import Course, audience_fits


@rules.predicate
def is_in_course_audience(person, course=None):
    """The course is for people in the person's role in its area."""
    return isinstance(course, Course) and audience_fits(
        course.audience, roles_in_area(person, course)
    )


is_training_manager = is_area_officer | is_area_admin

rules.add_perm("training.view_training", is_area_member)
rules.add_perm("training.view_course", is_area_member)
rules.add_perm("training.sign_up", is_in_course_audience)
rules.add_perm("training.manage_courses", is_training_manager)
rules.add_perm("training.view_records", is_training_manager)
