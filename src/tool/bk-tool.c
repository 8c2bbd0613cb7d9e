/* bk-tool.c — subcommand dispatch for baokao-tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>

#include "bk-tool.h"

typedef struct
{
  const char *name;
  const char *summary; /* translatable, marked with N_() */
  int (*run) (int argc, char **argv);
} BkToolCommand;

/* Later layers add their subcommands here. */
int bk_tool_eligibility_run (int argc, char **argv);
int bk_tool_id_run (int argc, char **argv);
int bk_tool_sessions_run (int argc, char **argv);
int bk_tool_session_run (int argc, char **argv);
int bk_tool_photo_run (int argc, char **argv);
int bk_tool_profiles_run (int argc, char **argv);
int bk_tool_ticket_run (int argc, char **argv);
static const BkToolCommand commands[] = {
  { "eligibility", N_ ("Check a candidate's eligibility for an exam session"),
    bk_tool_eligibility_run },
  { "id", N_ ("Check identity document numbers"), bk_tool_id_run },
  { "sessions", N_ ("List the exam sessions"), bk_tool_sessions_run },
  { "session", N_ ("Show an exam session's timetable, windows and points"), bk_tool_session_run },
  { "photo", N_ ("Check ID photos against the rules, or standardise one"), bk_tool_photo_run },
  { "profiles", N_ ("List the local profiles, or add a demo profile"), bk_tool_profiles_run },
  { "ticket",
    N_ ("Render admission tickets as PDF, verify a ticket's QR code, make the signing key"),
    bk_tool_ticket_run },
  { NULL, NULL, NULL },
};

char *
bk_tool_make_valid (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_utf8_make_valid (text, -1);
}

static void
print_valid (FILE *stream, const char *format, va_list args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  fputs (valid, stream);
}

void
bk_tool_print (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  print_valid (stdout, format, args);
  va_end (args);
}

void
bk_tool_printerr (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  print_valid (stderr, format, args);
  va_end (args);
}

GOptionContext *
bk_tool_option_context_new (const char *command, const char *parameters)
{
  g_autofree char *name = NULL;
  GOptionContext *context;

  g_return_val_if_fail (command != NULL, NULL);

  /* GOption prints the program name before the parameters. */
  name = g_strconcat ("baokao-tool ", command, NULL);
  g_set_prgname (name);
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

int
bk_tool_option_error (const char *command, const GError *error)
{
  g_return_val_if_fail (command != NULL && error != NULL, BK_TOOL_EXIT_USAGE);

  bk_tool_printerr ("%s\n", error->message);
  /* TRANSLATORS: %s is a command such as “eligibility” */
  bk_tool_printerr (_ ("Run “baokao-tool %s --help” to see its options and arguments.\n"), command);
  return BK_TOOL_EXIT_USAGE;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _ ("Usage: baokao-tool [--help] [--version] COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n",
           _ ("Command-line companion of Baokao, the registration assistant for the "
              "Registered Metrologist examination."));
  if (commands[0].name != NULL)
    {
      fprintf (stream, "\n%s\n", _ ("Commands:"));
      for (gsize i = 0; commands[i].name != NULL; i++)
        fprintf (stream, "  %-14s %s\n", commands[i].name, _ (commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _ ("Run “baokao-tool COMMAND --help” for the options of a command."));
}

int
bk_tool_run (int argc, char **argv)
{
  const char *name;

  if (argc < 2)
    {
      print_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }

  name = argv[1];

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return BK_TOOL_EXIT_OK;
    }

  if (g_str_equal (name, "--version") || g_str_equal (name, "-V"))
    {
      printf ("baokao-tool %s\n", PACKAGE_VERSION);
      return BK_TOOL_EXIT_OK;
    }

  for (gsize i = 0; commands[i].name != NULL; i++)
    {
      if (g_str_equal (name, commands[i].name))
        return commands[i].run (argc - 1, argv + 1);
    }

  /* TRANSLATORS: %s is what the user typed as the command name */
  bk_tool_printerr (_ ("Unknown command “%s”. Run “baokao-tool --help” to list the commands.\n"),
                    name);
  return BK_TOOL_EXIT_USAGE;
}
