"""Forms of the forums app (GOV.UK pattern through crispy-forms' gds pack), one module per
sub-domain.

Forms parse and check the shape of input; the rules (same area, no overlaps, no cycles) are
in the services, whose errors the views show on these forms.
"""

from forums.forms.agreements import (
    AgreementForm,
    OutcomeForm,
    OutcomeProgressForm,
    PaymentForm,
    ScheduleItemForm,
    SignForm,
)
from forums.forms.bodies import (
    BodyForm,
    BodyMembershipForm,
    DeclineForm,
    EndMembershipForm,
    JoinRequestForm,
)
from forums.forms.consultation import (
    ConsultationRequestForm,
)
from forums.forms.equality import (
    EqualityRecordForm,
    PopulationFiguresForm,
)
from forums.forms.groups import (
    GroupForm,
    GroupMemberForm,
    GroupRoleForm,
)

__all__ = [
    "AgreementForm",
    "BodyForm",
    "BodyMembershipForm",
    "ConsultationRequestForm",
    "DeclineForm",
    "EndMembershipForm",
    "EqualityRecordForm",
    "GroupForm",
    "GroupMemberForm",
    "GroupRoleForm",
    "JoinRequestForm",
    "OutcomeForm",
    "OutcomeProgressForm",
    "PaymentForm",
    "PopulationFiguresForm",
    "ScheduleItemForm",
    "SignForm",
]
