"""``cimis serve``: the room joins a session from its phones.

- :mod:`toolkit.web.room` - one served session: the engine behind a lock, the join code,
  the secrets, device identities, submissions and the snapshots pushed to pages;
- :mod:`toolkit.web.hub` - live updates: one server-sent-event stream per page, a bounded
  queue per client;
- :mod:`toolkit.web.app` - the Starlette application (routes, security headers, Host
  allow-list, limits);
- :mod:`toolkit.web.forms` - participant forms (a kind's own, or generated from its record's
  JSON Schema) and result views (a kind's own, or its Markdown);
- :mod:`toolkit.web.kinds` - the built-in kinds' forms and views, registered through the
  kinds' ``web_form``/``web_view`` like a plugin's;
- :mod:`toolkit.web.svg` - charts drawn on the server as SVG;
- :mod:`toolkit.web.network` - which addresses the room can reach, the open-files limit.

Nothing outside this package and :mod:`toolkit.cli.serve` imports the web stack.
"""
