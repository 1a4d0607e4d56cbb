"""URL patterns of one ZGW API: its resources and its specification."""

from django.http import HttpResponse
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

import orjson
import yaml

from loket.zgw.api.errors import not_found


def api_urls(api, resources) -> list:
    patterns = [
        path("openapi.json", _spec_view(api, "json"), name="openapi-json"),
        path("openapi.yaml", _spec_view(api, "yaml"), name="openapi-yaml"),
    ]
    for resource in resources:
        patterns += resource.urls()
    # Anything else under this API root (an unknown path, an id that is no UUID)
    # is a 404 in the API's error format, not an HTML page. `[\s\S]` rather than
    # `(?s:.)`: it also matches a decoded newline, and Django can still reverse it
    # (reverse() refuses inline flags, which broke every reverse() in the project).
    patterns.append(re_path(r"^[\s\S]*$", _not_found, name="not-found"))
    return patterns


@csrf_exempt
def _not_found(request):
    return not_found(f"Geen resource op {request.path}.").response(request)


def _spec_view(api, kind: str):
    @require_safe
    def view(request):
        document = api.spec.served_document(api.root(request))
        if kind == "json":
            return HttpResponse(orjson.dumps(document), content_type="application/json")
        text = yaml.dump(
            document, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False
        )
        return HttpResponse(text, content_type="application/yaml; charset=utf-8")

    return view
