from django.urls import path

from coproduction.training import views

app_name = "training"

AREA = "<slug:area_slug>/training/"
COURSE = AREA + "courses/<int:pk>/"

urlpatterns = [
    path(AREA, views.TrainingAreaView.as_view(), name="area"),
    path(AREA + "past-courses/", views.PastCoursesView.as_view(), name="past_courses"),
    path(AREA + "records/", views.TrainingRecordsView.as_view(), name="records"),
    path(AREA + "courses/add/", views.CourseAddView.as_view(), name="course_add"),
    path(COURSE, views.CourseDetailView.as_view(), name="course"),
    path(COURSE + "edit/", views.CourseEditView.as_view(), name="course_edit"),
    path(COURSE + "sign-up/", views.SignUpView.as_view(), name="sign_up"),
    path(COURSE + "withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path(COURSE + "attendance/", views.AttendanceView.as_view(), name="attendance"),
]
