# The portal's image: web (gunicorn), Celery worker and Celery beat all run from it.
FROM python:3.11-slim-bookworm

# Settings come from the container's environment only (docker-compose.yml); .dockerignore
# keeps any .env out of the image, and READ_DOT_ENV_FILE=false says so.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    READ_DOT_ENV_FILE=false \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint's libraries (PDF reports) and fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install -c requirements.lock . \
    && DEBUG=false SECRET_KEY=image-build-only-not-used-at-run-time-0123456789abcdefghij \
       python manage.py collectstatic --noinput \
    && useradd --system --home /app app \
    && mkdir -p /app/media && chown app /app/media

USER app
EXPOSE 8000
CMD ["gunicorn", "coproduction.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
