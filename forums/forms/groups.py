"""Forms for participation groups and their members."""

from django import forms

from coproduction.people.forms import GovUKFormMixin
from forums import selectors
from forums.forms.common import AreaChoiceMixin, required
from forums.models import (
    GroupKind,
    GroupRole,
    ParticipationGroup,
)


class GroupForm(AreaChoiceMixin, GovUKFormMixin, forms.ModelForm):
    submit_label = "Save group"

    class Meta:
        model = ParticipationGroup
        fields = [
            "name",
            "kind",
            "organisation",
            "description",
            "how_to_contact",
            "how_to_join",
            "networks_reached",
        ]
        labels = {
            "name": "Name of the group",
            "kind": "What kind of group is it?",
            "organisation": "Organisation (optional)",
            "description": "What the group is and who it is for",
            "how_to_contact": "How to contact the group",
            "how_to_join": "How to join (optional)",
            "networks_reached": "Networks it reaches (optional)",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "how_to_contact": forms.Textarea(attrs={"rows": 2}),
            "how_to_join": forms.Textarea(attrs={"rows": 3}),
            "networks_reached": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": required("Enter the name of the group"),
            "kind": required("Choose what kind of group it is"),
            "description": required("Describe the group and who it is for"),
            "how_to_contact": required("Enter how families can contact the group"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = GroupKind.choices
        self.fields["organisation"].queryset = selectors.area_organisations(area=self.area)
        self.fields["organisation"].empty_label = "None"


class GroupMemberForm(AreaChoiceMixin, GovUKFormMixin, forms.Form):
    submit_label = "Add to the group"

    person = forms.ModelChoiceField(
        label="Person",
        queryset=None,
        help_text="People must belong to the local area first.",
        error_messages=required("Choose the person to add"),
    )
    role = forms.ChoiceField(
        label="Their role in the group",
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        initial=GroupRole.MEMBER,
        error_messages=required("Choose their role in the group"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.area_people(area=self.area)


class GroupRoleForm(GovUKFormMixin, forms.Form):
    submit_label = "Save role"

    role = forms.ChoiceField(
        label="Their role in the group",
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        error_messages=required("Choose their role in the group"),
    )
