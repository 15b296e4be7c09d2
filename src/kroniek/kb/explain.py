def explain(*a): pass
def render_actor(*a): pass
