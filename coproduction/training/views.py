"""Training register pages. Thin: parse, check permission, call one service or selector."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView, View

from coproduction.people.mixins import AreaPermissionMixin, AreaRecordMixin, ServiceFormMixin
from coproduction.people.models import Person
from coproduction.training import forms, selectors, services


class TrainingAreaView(AreaPermissionMixin, TemplateView):
    """Who has been trained this school year (by role and sector, small counts suppressed)
    and the courses to come, with their free places."""

    area_permission_required = "training.view_training"
    template_name = "training/area.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        starts_on, ends_on = selectors.academic_year_of(timezone.localdate())
        context["summary"] = selectors.trained_summary(
            area=self.area, starts_on=starts_on, ends_on=ends_on
        )
        context["courses"] = selectors.courses_upcoming(area=self.area)
        return context


class PastCoursesView(AreaPermissionMixin, TemplateView):
    """Courses already held, with how many came: where officers record attendance."""

    area_permission_required = "training.manage_courses"
    template_name = "training/past_courses.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["courses"] = selectors.courses_past(area=self.area)
        return context


class TrainingRecordsView(AreaPermissionMixin, TemplateView):
    """Every person of the area with the courses they attended here."""

    area_permission_required = "training.view_records"
    template_name = "training/records.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["memberships"] = selectors.area_training_records(area=self.area)
        return context


class CourseAddView(AreaPermissionMixin, ServiceFormMixin, FormView):
    area_permission_required = "training.manage_courses"
    template_name = "training/course_form.html"
    form_class = forms.CourseForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def call_service(self, form):
        return services.course_create(area=self.area, by=self.request.user, details=form.details())

    def service_done(self, form, course):
        messages.success(self.request, f"{course.title} is on the register.")
        return redirect(course.get_absolute_url())


class CourseMixin(AreaRecordMixin):
    record_name = "course"
    not_found_message = "There is no such course in this area."

    def find_record(self):
        return selectors.course_get(area=self.area, pk=self.kwargs["pk"])


class CourseEditView(CourseMixin, ServiceFormMixin, FormView):
    permission_required = "training.manage_courses"
    area_permission_required = "training.manage_courses"
    template_name = "training/course_form.html"
    form_class = forms.CourseForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area, "edit": True}

    def get_initial(self):
        return forms.CourseForm.initial_from(self.record)

    def call_service(self, form):
        return services.course_update(
            course=self.record, by=self.request.user, details=form.details()
        )

    def service_done(self, form, course):
        messages.success(self.request, "Your changes are saved.")
        return redirect(course.get_absolute_url())


class CourseDetailView(CourseMixin, TemplateView):
    """The course; for people it is for, their sign-up; for officers, who signed up."""

    permission_required = "training.view_course"
    template_name = "training/course_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        course = self.record
        context["free_places"] = selectors.free_places(course)
        context["has_started"] = course.has_started()
        context["my_sign_up"] = selectors.sign_up_of(course=course, person=person)
        if person.has_perm("training.manage_courses", self.area):
            context["sign_ups"] = selectors.course_sign_ups(course=course)
        return context


class CourseActionView(CourseMixin, View):
    """A POST that calls one service about the person's own sign-up, then goes back to the
    course page with what happened (or why not)."""

    @property
    def person(self) -> Person:
        return cast(Person, self.request.user)  # signed in: the permission check came first

    def act(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            text = self.act()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, text)
        return redirect(self.record.get_absolute_url())


def sign_up_position(*, course, person) -> int | None:
    sign_up = selectors.sign_up_of(course=course, person=person)
    return sign_up.position if sign_up else None


class SignUpView(CourseActionView):
    permission_required = "training.sign_up"

    def act(self) -> str:
        before = selectors.sign_up_of(course=self.record, person=self.person)
        sign_up = services.course_sign_up(course=self.record, person=self.person)
        already = before is not None and before.status != "withdrawn"
        if sign_up.status == "place":
            if already:
                return "You already have a place on this course."
            return "You have a place on this course."
        position = sign_up_position(course=self.record, person=self.person)
        if already:
            return f"You are already on the waiting list: number {position}."
        return (
            "This course is full, so you are on the waiting list: number "
            f"{position}. We will email you if a place becomes free."
        )


class WithdrawView(CourseActionView, TemplateView):
    """Giving up a place (or leaving the waiting list): GET asks "Are you sure?" and says
    what happens to the place, the POST from that page does it. Someone not signed up, or a
    course that has started, goes back to the course page."""

    permission_required = "training.view_course"
    template_name = "training/withdraw.html"

    def get(self, request, *args, **kwargs):
        sign_up = selectors.sign_up_of(course=self.record, person=self.person)
        if sign_up is None or sign_up.status == "withdrawn" or self.record.has_started():
            return redirect(self.record.get_absolute_url())
        return self.render_to_response(
            self.get_context_data(course=self.record, my_sign_up=sign_up)
        )

    def act(self) -> str:
        sign_up = services.course_withdraw(course=self.record, person=self.person)
        if sign_up is None:
            return "You had not signed up for this course."
        return "You are no longer signed up for this course."


class AttendanceView(CourseMixin, ServiceFormMixin, FormView):
    permission_required = "training.manage_courses"
    area_permission_required = "training.manage_courses"
    template_name = "training/attendance.html"
    form_class = forms.AttendanceForm

    def get_places(self):
        return selectors.course_sign_ups(course=self.record)["places"]

    def get_form_kwargs(self):
        self.places = self.get_places()
        return {**super().get_form_kwargs(), "places": self.places}

    def get_initial(self):
        return {"attended": [s.person_id for s in self.get_places() if s.attended]}

    def call_service(self, form):
        return services.attendance_record(
            course=self.record,
            by=self.request.user,
            attended_ids=set(form.cleaned_data["attended"]),
        )

    def service_done(self, form, count):
        messages.success(self.request, f"Attendance is saved: {count} came.")
        return redirect(reverse("training:past_courses", kwargs={"area_slug": self.area.slug}))
