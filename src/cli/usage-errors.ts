/**
 * Commander's own errors (unknown option, missing value, missing argument, unknown command) in
 * ctar's format, `ctar: --users: option needs a value (run 'ctar generate --help' for usage)`, with
 * exit 2 like every usage error; help and version keep exit 0.
 */
import { type Command, CommanderError } from "commander";
import { EXIT } from "../errors/errors.js";

/** Where the last commander error arose (set by the outputError hook of every command). */
let lastCommand: Command | undefined;

function commandPath(c: Command | undefined): string {
  const names: string[] = [];
  for (let x: Command | null | undefined = c; x; x = x.parent) names.unshift(x.name());
  return names.join(" ") || "ctar";
}

/** Makes every command throw instead of exiting, and keep its error text for `usageMessage`. */
export function interceptUsageErrors(root: Command): void {
  const visit = (c: Command) => {
    c.exitOverride((err) => {
      if (err.code === "commander.help") lastCommand = c; // no outputError for a help shown on error
      throw err;
    });
    c.configureOutput({ outputError: () => (lastCommand = c) });
    c.showHelpAfterError(false);
    for (const sub of c.commands) visit(sub);
  };
  visit(root);
}

const OPTION = /'(-[-\w]+)(?: [<[][^'>\]]*[>\]])?'/;

/** The one-line message and exit code of a commander error (undefined for help and version). */
export function usageMessage(e: CommanderError): { message: string; code: number } | undefined {
  if (e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version") return undefined;
  const path = commandPath(lastCommand);
  if (e.code === "commander.help") {
    // a command group run without its command: its help was printed above; say what was missing
    const group = path.replace(/^ctar ?/, "");
    const names = (lastCommand?.commands ?? []).map((c) => c.name()).filter((n) => n !== "help");
    return { message: `${group === "" ? "" : `${group}: `}missing command (expected one of ${names.join(", ")})`, code: EXIT.usage };
  }
  const hint = `(run '${path} --help' for usage)`;
  const subject = path.replace(/^ctar ?/, "") || "ctar";
  const text = e.message.replace(/^error: /, "").replace(/\s+/g, " ").trim();
  const opt = OPTION.exec(text)?.[1];
  let message: string;
  switch (e.code) {
    case "commander.unknownOption":
      message = `${opt ?? subject}: unknown option${/Did you mean ([^?]+)\?/.test(text) ? ` (did you mean ${/Did you mean ([^?]+)\?/.exec(text)![1]}?)` : ""}`;
      break;
    case "commander.missingMandatoryOptionValue":
      message = `${opt ?? subject}: required option not given`;
      break;
    case "commander.optionMissingArgument":
      message = `${opt ?? subject}: expected a value after the option`;
      break;
    case "commander.missingArgument":
      message = `${subject}: missing argument <${/argument '([^']+)'/.exec(text)?.[1] ?? "?"}>`;
      break;
    case "commander.excessArguments":
      message = `${subject}: too many arguments (${text.replace(/^too many arguments[^.]*\. /, "").replace(/\.$/, "")})`;
      break;
    case "commander.unknownCommand":
      message = `${subject === "ctar" ? "" : `${subject}: `}unknown command '${/command '([^']+)'/.exec(text)?.[1] ?? "?"}' (expected one of ${(lastCommand?.commands ?? []).map((c) => c.name()).join(", ")})`;
      break;
    default:
      message = `${opt ?? subject}: ${text}`;
  }
  return { message: `${message} ${hint}`, code: EXIT.usage };
}

export { CommanderError };
