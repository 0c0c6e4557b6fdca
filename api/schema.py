"""How the token scheme appears in the OpenAPI document (imported when the app is ready)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PartnerTokenAuthentication"
    name = "PartnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <密钥>`：管理员在后台“接口令牌”中签发。不带此头为匿名访问，限速较低。",
        }
