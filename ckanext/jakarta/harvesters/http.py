"""Fetching remote OPD catalogs safely.

Every harvester downloads through :func:`fetch`: connect and read timeouts,
retries with backoff on 5xx and 429 (urllib3's ``Retry``), a size cap, a
bounded number of redirects each checked again, the charset the response
declares, and no address the portal's own services live on (loopback,
link-local, private ranges) unless the configuration allows it.

Addresses are checked twice: the host name before the request, for a clear
error, and the address the socket actually connected to, so a name that
resolves to a public address for the check and to an internal one for the
connection (DNS rebinding) is still refused.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import socket
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from ckanext.jakarta import config
from ckanext.jakarta.logic.validators import bilingual

log = logging.getLogger(__name__)

REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "ckanext-jakarta harvester (+https://github.com/ckanext-jakarta)"


class FetchError(Exception):
    """A source could not be fetched; the message is meant for the admin."""


@dataclasses.dataclass(frozen=True)
class Fetched:
    """One downloaded document."""

    url: str
    content: bytes
    content_type: str
    charset: str | None

    def text(self, charset: str | None = None) -> str:
        """The body decoded with the given or declared charset, else UTF-8.

        A body that does not decode is an error naming the charset, never a
        silently mangled text.
        """
        encoding = charset or self.charset or "utf-8-sig"
        try:
            return self.content.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise FetchError(
                bilingual(
                    f"Dokumen {self.url!r} tidak dapat dibaca sebagai {encoding}",
                    f"the document at {self.url!r} does not decode as {encoding}: "
                    f"{error}",
                )
            ) from None


def _allowed(address: ipaddress._BaseAddress) -> bool:
    for entry in config.harvest_allowed_hosts():
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def _internal(address: ipaddress._BaseAddress) -> bool:
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def _refuse_internal(url: str, address: ipaddress._BaseAddress) -> None:
    if _internal(address) and not _allowed(address):
        raise FetchError(
            bilingual(
                f"URL {url!r} menuju alamat internal {address}; ditolak",
                f"URL {url!r} resolves to the internal address {address}, "
                "which harvest sources may not reach",
            )
        )


def _resolve(host: str, port: int) -> list[str]:
    return [info[4][0] for info in socket.getaddrinfo(host, port)]


def check_url(url: str) -> None:
    """Refuse a URL that is not http(s) or that resolves to an internal address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(
            bilingual(
                f"URL sumber harus http atau https: {url!r}",
                f"the source URL must be http or https: {url!r}",
            )
        )
    try:
        addresses = _resolve(parts.hostname, parts.port or 80)
    except socket.gaierror as error:
        raise FetchError(
            bilingual(
                f"Nama host {parts.hostname!r} tidak dapat di-resolve",
                f"host {parts.hostname!r} cannot be resolved: {error}",
            )
        ) from None
    for address in addresses:
        _refuse_internal(url, ipaddress.ip_address(address))


class _CheckedConnection(HTTPConnection):
    """A connection that refuses an internal peer once the socket is connected."""

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        peer = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
        try:
            _refuse_internal(f"{self.host}:{self.port}", peer)
        except FetchError:
            sock.close()
            raise
        return sock


class _CheckedHTTPSConnection(_CheckedConnection, HTTPSConnection):
    pass


class _CheckedPool(HTTPConnectionPool):
    ConnectionCls = _CheckedConnection


class _CheckedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _CheckedAdapter(HTTPAdapter):
    """requests' adapter with connections that check their peer address."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _CheckedPool,
            "https": _CheckedHTTPSPool,
        }


def _session() -> requests.Session:
    retry = Retry(
        total=config.harvest_retries(),
        backoff_factor=config.harvest_backoff(),
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=("GET", "POST"),
        respect_retry_after_header=True,
        raise_on_status=False,
        redirect=False,
    )
    session = requests.Session()
    adapter = _CheckedAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


def _read_capped(response: requests.Response, url: str) -> bytes:
    limit = config.harvest_max_bytes()
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise FetchError(
                bilingual(
                    f"Dokumen {url!r} melebihi batas ukuran {limit} bita",
                    f"the document at {url!r} is larger than the {limit} byte limit",
                )
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _charset(response: requests.Response) -> str | None:
    content_type = response.headers.get("Content-Type", "")
    if "charset=" not in content_type.lower():
        return None
    return response.encoding


def _request(
    session: requests.Session, method: str, url: str, **kwargs
) -> requests.Response:
    try:
        return session.request(
            method,
            url,
            timeout=(config.harvest_connect_timeout(), config.harvest_read_timeout()),
            allow_redirects=False,
            stream=True,
            **kwargs,
        )
    except requests.RequestException as error:
        raise FetchError(
            bilingual(
                f"Gagal mengambil {url!r}",
                f"could not fetch {url!r}: {error}",
            )
        ) from None


def fetch(url: str, method: str = "GET", **kwargs) -> Fetched:
    """Download one document, following at most the configured redirects."""
    session = _session()
    for _hop in range(config.harvest_max_redirects() + 1):
        check_url(url)
        response = _request(session, method, url, **kwargs)
        if response.status_code not in REDIRECTS:
            break
        url = urljoin(url, response.headers.get("Location", ""))
        log.debug("Following redirect to %s", url)
    else:
        raise FetchError(
            bilingual(
                f"Terlalu banyak pengalihan dari {url!r}",
                f"too many redirects, last to {url!r}",
            )
        )
    if response.status_code >= 400:
        raise FetchError(
            bilingual(
                f"Sumber menjawab HTTP {response.status_code} untuk {url!r}",
                f"the source answered HTTP {response.status_code} for {url!r}",
            )
        )
    content = _read_capped(response, url)
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
    return Fetched(url, content, content_type.lower(), _charset(response))
