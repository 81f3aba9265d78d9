"""A double click on "Import initiatives" imports the file once: two confirmations at the
same moment, on two database connections, create every row once and the second is told."""

import threading
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from coproduction.people.models import Role
from initiatives import services
from initiatives.models import ImportUpload, Initiative
from tests.people.factories import LocalAreaFactory, member

CASE = Path(__file__).parent / "cases" / "07-double-submit-import.csv"
CHECK_URL = "/birmingham/initiatives/import/check/"


def messages_of(response) -> str:
    """The messages a response queued for the next page (both clients share one cookie jar,
    so the page they would show is not a fair witness)."""
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_confirmations_import_the_file_once():
    area = LocalAreaFactory(slug="birmingham", name="Birmingham")
    officer = member(area, Role.OFFICER)
    first = Client()
    first.force_login(officer)
    response = first.post(
        "/birmingham/initiatives/import/",
        {"file": SimpleUploadedFile("workshops.csv", CASE.read_bytes())},
    )
    assert response.status_code == 302
    # The same browser session, clicking twice (or two tabs).
    second = Client()
    second.cookies = first.cookies
    start = threading.Barrier(2)
    responses, failures = [], []

    def confirm(client):
        try:
            start.wait(timeout=10)
            responses.append((client, client.post(CHECK_URL, {"publish": "yes"})))
        except Exception as error:  # noqa: BLE001 (reported below)
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(client,)) for client in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    assert sorted(Initiative.objects.values_list("title", flat=True)) == [
        "Transition planning workshops",
        "Youth panel on short breaks",
    ]
    assert [response.status_code for _client, response in responses] == [302, 302]
    pages = [messages_of(response) for _client, response in responses]
    assert sum("2 initiatives are imported." in page for page in pages) == 1
    assert sum("This file has already been imported" in page for page in pages) == 1
    upload = ImportUpload.objects.get()
    assert upload.imported_count == 2
    assert upload.csv_text == ""


@pytest.mark.django_db
def test_an_upload_imported_already_is_refused_by_the_service(area):
    officer = member(area, Role.OFFICER)
    upload = services.import_upload_keep(
        area=area, by=officer, file_name="workshops.csv", csv_text=CASE.read_text()
    )
    services.initiatives_import_upload(upload=upload, by=officer, publish=True)
    with pytest.raises(Exception, match="already been imported") as refused:
        services.initiatives_import_upload(upload=upload, by=officer, publish=True)
    assert refused.value.code == "already_imported"
    assert Initiative.objects.count() == 2


@pytest.mark.django_db
def test_another_persons_upload_cannot_be_imported_from_their_session(client, area):
    owner = member(area, Role.OFFICER)
    upload = services.import_upload_keep(
        area=area, by=owner, file_name="workshops.csv", csv_text=CASE.read_text()
    )
    client.force_login(member(area, Role.OFFICER))
    session = client.session
    session["initiatives_import"] = {"area": area.pk, "upload": upload.pk}
    session.save()
    response = client.post(CHECK_URL, {"publish": "yes"})
    assert response.status_code == 302
    assert response.url == "/birmingham/initiatives/import/"
    assert not Initiative.objects.exists()
