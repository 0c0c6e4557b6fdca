import pytest


@pytest.fixture(autouse=True)
def _isolated_media(request, tmp_path):
    # Every test keeps its uploads in its own folder, as a deployment keeps them in MEDIA_ROOT.
    if not request.config.pluginmanager.hasplugin("django"):
        return  # pure parser tests may run without Django (-p no:django)
    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SECURE_SSL_REDIRECT = False
