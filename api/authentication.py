from __future__ import annotations

from rest_framework import authentication, exceptions

from api.services import token_authenticate


class PartnerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <key>`` (or ``Bearer <key>``). No header: anonymous, with the low rate."""

    keywords = ("token", "bearer")

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Authorization 头格式应为：Token <密钥>。")
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed("令牌无效。") from error
        token = token_authenticate(key=key)
        if token is None:
            raise exceptions.AuthenticationFailed("令牌无效或已吊销。")
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Token realm="api"'
