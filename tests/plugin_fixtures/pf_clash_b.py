from planwright.api import Style, hookimpl


@hookimpl
def planwright_styles():
    return [Style(name="clash", title="乙式", description="测试用")]
