"""The resident login flow through the Django test client, against the test
identity provider: the browser steps in-process, Loket's calls to the provider
(discovery, token, JWKS) over HTTP to the live server."""

from urllib.parse import parse_qs, urlsplit

TEST_BSN = "999993653"  # Suzanne Moulin in the RvIG test set


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def start(client, gemeente, middel="digid", next_url=""):
    """Choose DigiD/eHerkenning; returns the authorize URL at the provider."""
    url = f"/{gemeente.slug}/inloggen/{middel}/"
    response = client.get(url, {"next": next_url} if next_url else {})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def choose(client, authorize_url, **choice):
    """Submit the test IdP's page; returns Loket's callback URL (with code/error)."""
    params = query(authorize_url)
    response = client.post(urlsplit(authorize_url).path, {**params, **choice})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def log_in(client, gemeente, *, bsn=TEST_BSN, niveau="midden", next_url=""):
    authorize = start(client, gemeente, next_url=next_url)
    callback = choose(client, authorize, actie="inloggen", bsn=bsn, niveau=niveau)
    return client.get(callback)
