"""Where uploaded files (meeting papers, generated reports) are kept: chosen by setting.

Read by settings.py at start-up. Nothing here imports django-storages: the S3 backend is named
as a string and loaded by Django only when `MEDIA_STORAGE=s3`, so the default install does
not need boto3 (install the optional group: `pip install .[s3]`).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"


def default_storage_from_env(env) -> dict:
    """`STORAGES["default"]` for the environment `env` (a `django-environ` `Env`).

    `MEDIA_STORAGE` is `filesystem` (the default: files under MEDIA_ROOT) or `s3` (any
    S3-compatible service, through django-storages). For `s3`, `AWS_STORAGE_BUCKET_NAME` is
    required; `AWS_S3_ENDPOINT_URL` (for services other than Amazon's), `AWS_S3_REGION_NAME`,
    `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` are passed on when set (without keys,
    boto3 finds credentials itself, for example from an instance role). Files are private
    (no ACL: the bucket's policy applies), links to them are signed and expire
    (`querystring_auth`), and an upload never replaces another file of the same name.
    Raises ImproperlyConfigured for an unknown MEDIA_STORAGE or a missing bucket name.
    """
    kind = env("MEDIA_STORAGE", default="filesystem").strip().lower()
    if kind == "filesystem":
        return {"BACKEND": FILESYSTEM_BACKEND}
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'filesystem' or 's3', not {kind!r}.")
    bucket = env("AWS_STORAGE_BUCKET_NAME", default="")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    for variable, option in [
        ("AWS_S3_ENDPOINT_URL", "endpoint_url"),
        ("AWS_S3_REGION_NAME", "region_name"),
        ("AWS_ACCESS_KEY_ID", "access_key"),
        ("AWS_SECRET_ACCESS_KEY", "secret_key"),
    ]:
        value = env(variable, default="")
        if value:
            options[option] = value
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}
