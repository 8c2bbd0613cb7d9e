#!/usr/bin/env python3
"""A desktop notification server (org.freedesktop.Notifications) for the
test's D-Bus session, as every desktop session has one: GLib's freedesktop
backend sends the application's GNotifications here, and without a server
it warns, which the tests' fatal warnings turn into a crash. It prints the
summary and body of each notification it is given, so a test's log shows
them."""
import sys

from gi.repository import Gio, GLib

INTERFACE = """
<node><interface name='org.freedesktop.Notifications'>
  <method name='Notify'>
    <arg type='s' direction='in'/><arg type='u' direction='in'/>
    <arg type='s' direction='in'/><arg type='s' direction='in'/>
    <arg type='s' direction='in'/><arg type='as' direction='in'/>
    <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>
    <arg type='u' direction='out'/>
  </method>
  <method name='GetCapabilities'><arg type='as' direction='out'/></method>
  <method name='CloseNotification'><arg type='u' direction='in'/></method>
  <method name='GetServerInformation'>
    <arg type='s' direction='out'/><arg type='s' direction='out'/>
    <arg type='s' direction='out'/><arg type='s' direction='out'/>
  </method>
</interface></node>
"""

count = 0


def call(connection, sender, path, interface, method, parameters, invocation):
    global count
    if method == "Notify":
        count += 1
        print(f"notification {count}: {parameters[3]} — {parameters[4]}", flush=True)
        invocation.return_value(GLib.Variant("(u)", (count,)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body", "actions"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("baokao-tests", "baokao", "1", "1.2")))
    else:
        invocation.return_value(None)


def acquired(connection, name):
    print("ready", flush=True)


def main():
    loop = GLib.MainLoop()
    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
    connection.register_object("/org/freedesktop/Notifications", info.interfaces[0], call,
                               None, None)
    Gio.bus_own_name_on_connection(connection, "org.freedesktop.Notifications",
                                   Gio.BusNameOwnerFlags.DO_NOT_QUEUE, acquired,
                                   lambda *_: loop.quit())
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
