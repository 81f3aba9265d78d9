"""Uploaded files on the local disk by default, or in an S3-compatible bucket by setting
(MEDIA_STORAGE=s3), with private, signed, never-overwritten files. No network is used."""

import json
import os
import subprocess
import sys
from pathlib import Path

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured

from coproduction.storage import default_storage_from_env

ROOT = Path(__file__).resolve().parent.parent
S3 = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "birmingham-papers",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "AWS_ACCESS_KEY_ID": "key-id",
    "AWS_SECRET_ACCESS_KEY": "not-a-real-secret",
    "AWS_S3_REGION_NAME": "eu-west-2",
}
VARIABLES = ["MEDIA_STORAGE", *[name for name in S3 if name.startswith("AWS_")]]


@pytest.fixture
def clean_env(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_files_stay_on_the_local_disk_by_default(clean_env):
    assert default_storage_from_env(environ.Env()) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_s3_chooses_django_storages_with_private_signed_files(clean_env):
    for name, value in S3.items():
        clean_env.setenv(name, value)
    assert default_storage_from_env(environ.Env()) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "birmingham-papers",
            "endpoint_url": "https://s3.example.org",
            "access_key": "key-id",
            "secret_key": "not-a-real-secret",
            "region_name": "eu-west-2",
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


def test_s3_without_keys_leaves_credentials_to_boto3(clean_env):
    clean_env.setenv("MEDIA_STORAGE", "S3")
    clean_env.setenv("AWS_STORAGE_BUCKET_NAME", "papers")
    options = default_storage_from_env(environ.Env())["OPTIONS"]
    assert "access_key" not in options
    assert "secret_key" not in options
    assert options["bucket_name"] == "papers"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "needs AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "dropbox"}, "must be 'filesystem' or 's3'"),
    ],
)
def test_a_wrong_storage_setting_stops_start_up_with_a_clear_message(clean_env, env, message):
    for name, value in env.items():
        clean_env.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        default_storage_from_env(environ.Env())


def test_the_settings_module_uses_it():
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        "print(json.dumps(settings.STORAGES['default']))"
    )
    environment = {**os.environ, **S3, "DJANGO_SETTINGS_MODULE": "coproduction.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    default = json.loads(result.stdout.strip().splitlines()[-1])
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "birmingham-papers"
