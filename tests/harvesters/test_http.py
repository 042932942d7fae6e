"""The safe fetch every harvester downloads through."""

from __future__ import annotations

import pytest

from ckanext.jakarta.harvesters import http
from ckanext.jakarta.harvesters.http import FetchError, check_url, fetch
from tests.harvesters.conftest import Answer


@pytest.mark.usefixtures("with_plugins")
class TestInternalAddresses:
    @pytest.mark.parametrize(
        "url",
        [
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.5:8983/solr/",
            "http://192.168.1.1/",
            "http://[::1]:5432/",
            "http://0.0.0.0:6379/",
        ],
    )
    def test_internal_address_is_refused_before_any_request(self, url):
        """Link-local, private and loopback addresses not allowed are refused."""
        with pytest.raises(FetchError, match="internal address"):
            check_url(url)

    @pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "ftp://a/b"])
    def test_non_http_scheme_is_refused(self, url):
        """Only http and https sources exist."""
        with pytest.raises(FetchError, match="must be http or https"):
            check_url(url)

    @pytest.mark.ckan_config("ckanext.jakarta.harvest.allowed_hosts", "")
    def test_loopback_is_refused_when_not_allowed(self, source_server):
        """Without the allowance, even the local test server is out of reach."""
        url = source_server.serve("/data.json", "{}")

        with pytest.raises(FetchError, match="internal address 127.0.0.1"):
            fetch(url)

        assert source_server.requests == []

    @pytest.mark.ckan_config("ckanext.jakarta.harvest.allowed_hosts", "")
    def test_name_rebound_to_loopback_after_the_check_is_refused(
        self, source_server, monkeypatch
    ):
        """DNS rebinding: the check sees a public address, the socket loopback.

        The name resolution of the check is replaced by one answering a
        public address (no traffic goes there); the connection itself still
        reaches 127.0.0.1 and must be refused before any request is sent.
        """
        url = source_server.serve("/data.json", "{}")
        monkeypatch.setattr(http, "_resolve", lambda host, port: ["93.184.216.34"])
        check_url(url)

        with pytest.raises(FetchError, match="internal address 127.0.0.1"):
            fetch(url)

        assert source_server.requests == []

    def test_redirect_to_an_internal_address_is_refused(self, source_server):
        """A redirect is checked again: a source cannot bounce the portal inward."""
        url = source_server.serve(
            "/go",
            Answer(b"", status=302, headers={"Location": "http://10.1.2.3/admin"}),
        )

        with pytest.raises(FetchError, match="internal address 10.1.2.3"):
            fetch(url)


@pytest.mark.usefixtures("with_plugins")
class TestRobustDownloads:
    def test_server_error_is_retried(self, source_server):
        """A 503 followed by a 200 ends in the document."""
        url = source_server.serve(
            "/data.json", Answer(b"busy", status=503), Answer(b'{"dataset": []}')
        )

        assert fetch(url).content == b'{"dataset": []}'
        assert len(source_server.requests) == 2

    def test_persistent_error_names_the_status(self, source_server):
        """A source that keeps failing is an error naming the HTTP status."""
        url = source_server.serve("/data.json", Answer(b"no", status=404))

        with pytest.raises(FetchError, match="answered HTTP 404"):
            fetch(url)

    @pytest.mark.ckan_config("ckanext.jakarta.harvest.max_bytes", "100")
    def test_oversized_document_is_refused(self, source_server):
        """A document over the size cap is refused with the limit named."""
        url = source_server.serve("/big.json", b"x" * 1000)

        with pytest.raises(FetchError, match="larger than the 100 byte limit"):
            fetch(url)

    @pytest.mark.ckan_config("ckanext.jakarta.harvest.max_redirects", "2")
    def test_redirect_chain_is_bounded(self, source_server):
        """Redirects beyond the configured number stop the download."""
        for n in range(5):
            source_server.serve(
                f"/r{n}",
                Answer(
                    b"",
                    status=302,
                    headers={"Location": source_server.url(f"/r{n + 1}")},
                ),
            )

        with pytest.raises(FetchError, match="too many redirects"):
            fetch(source_server.url("/r0"))

    def test_declared_charset_is_used(self, source_server):
        """A body declared ISO-8859-1 decodes with that charset."""
        url = source_server.serve(
            "/t.txt",
            "kafé".encode("iso-8859-1"),
            content_type="text/plain; charset=ISO-8859-1",
        )

        assert fetch(url).text() == "kafé"

    def test_body_in_the_wrong_charset_is_an_error(self, source_server):
        """Bytes that are not the declared (or default UTF-8) charset are refused."""
        url = source_server.serve(
            "/t.txt", "kafé".encode("iso-8859-1"), content_type="text/plain"
        )

        with pytest.raises(FetchError, match="does not decode as utf-8"):
            fetch(url).text()
