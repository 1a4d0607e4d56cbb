from django.db import models


class Autorisatiecode(models.Model):
    """An authorization code of the test identity provider: single use, valid a
    minute, only its hash is kept. In the database (not memory) because the demo
    serves with several processes."""

    code_hash = models.CharField(max_length=64, unique=True)
    client_id = models.CharField(max_length=255)
    redirect_uri = models.CharField(max_length=1000)
    code_challenge = models.CharField(max_length=200)
    claims = models.JSONField()
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gebruikt = models.BooleanField(default=False)

    class Meta:
        verbose_name = "autorisatiecode (test-identiteitsprovider)"
        verbose_name_plural = "autorisatiecodes (test-identiteitsprovider)"

    def __str__(self) -> str:
        return f"code voor {self.client_id} ({self.aangemaakt:%Y-%m-%d %H:%M})"
