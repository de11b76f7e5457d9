"""Events and ceremonies, one module per responsibility:

- ``records`` — what goes in and out (EventInput, EventRow, EventDetail, InviteeRow, RecurringRow)
  and the kinds of events;
- ``editing`` — creating, changing and deleting an event;
- ``listing`` — a period's list, the calendar's days, one event, the form's choices;
- ``invitees`` — who is invited, in one action for honorary citizens or award holders, attendance;
- ``recurring`` — the yearly dates and the year's events made from them.

The awards presented at an event are a concept shared with the awards register and live in
services/award_presentation.py; its functions are named here too for the events' callers.
"""

from kr_desktop.services.award_presentation import (PresentedAward, add_presented_awards, detach_award,
                                                    move_presented_award, place_presented_award, presented_awards,
                                                    remove_presented_award)
from kr_desktop.services.events.editing import delete_event, save_event
from kr_desktop.services.events.invitees import (add_award_holders, add_invitees, add_living_honorary_citizens,
                                                 invitees, remove_invitee, set_attendance)
from kr_desktop.services.events.listing import (count_events, event_days, get_event, list_events, list_executors,
                                                list_measures, measure_label)
from kr_desktop.services.events.records import (EVENT_KINDS, EventDetail, EventInput, EventRow, InviteeRow,
                                                RecurringRow)
from kr_desktop.services.events.recurring import generate_year, list_recurring, save_recurring

__all__ = ["EVENT_KINDS", "EventDetail", "EventInput", "EventRow", "InviteeRow", "PresentedAward", "RecurringRow",
           "add_award_holders", "add_invitees", "add_living_honorary_citizens", "add_presented_awards",
           "count_events", "delete_event", "detach_award", "event_days", "generate_year", "get_event", "invitees",
           "list_events", "list_executors", "list_measures", "list_recurring", "measure_label",
           "move_presented_award", "place_presented_award", "presented_awards", "remove_invitee",
           "remove_presented_award", "save_event", "save_recurring", "set_attendance"]
