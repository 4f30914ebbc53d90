# The CRM service as a container: only the CRM's side of the distribution
# ('meja-aduan[crm]': no Qt, no desk), run by a user without privileges.
#
#   docker build -t meja-crm .
#   docker run -p 8765:8765 \
#     -e MEJA_CRM_DATABASE_URL=postgresql+psycopg://meja:secret@db/meja \
#     -e MEJA_CRM_PUBLIC_HOST=aduan.jakarta.go.id \
#     -v meja-attachments:/var/lib/meja/data meja-crm
#
# Settings come from MEJA_CRM_* environment variables (README, "The CRM service").
# /var/lib/meja/data holds the attachments: with several hosts, mount the same
# shared volume (NFS or similar) on each. The schema is migrated by the first start
# (or by `crm-server migrate` with MEJA_CRM_AUTO_MIGRATE=0 on the workers).

FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml README.md ./
COPY complaint_domain complaint_domain
COPY crm_server crm_server
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/meja meja \
    && mkdir -p /var/lib/meja/data && chown meja:meja /var/lib/meja/data
COPY --from=wheel /wheels /wheels
RUN pip install --no-cache-dir "$(ls /wheels/*.whl)[crm]" && rm -rf /wheels
USER meja
ENV MEJA_CRM_DATA_DIR=/var/lib/meja/data \
    MEJA_CRM_HOST=0.0.0.0 \
    MEJA_CRM_PORT=8765 \
    MEJA_CRM_LOG_FORMAT=json \
    MEJA_CRM_WORKERS=2 \
    PYTHONUNBUFFERED=1
VOLUME ["/var/lib/meja/data"]
EXPOSE 8765
HEALTHCHECK --interval=30s --timeout=5s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8765/readyz', timeout=4)"
# exec form: SIGTERM reaches uvicorn, which finishes the requests in flight.
CMD ["sh", "-c", "exec crm-server serve --workers \"$MEJA_CRM_WORKERS\""]
