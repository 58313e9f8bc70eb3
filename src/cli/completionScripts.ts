import type { CompletionCommand, CompletionModel, CompletionOption, Shell } from "./completionModel.js";

// `mmn-dose completion <shell>`: the script for each shell, from the completion model. The words in
// them are option names, product ids, choices and zone names: letters, digits, "-", "_", "/", "+"
// and "." only, so they need no quoting; descriptions are quoted for each shell.

const FUNCTION = "_mmn_dose";

/** A word list for bash's `compgen -W` and zsh's `(a b c)`: the words are shell-safe by construction. */
const wordList = (words: readonly string[]) => words.join(" ");

/** The bash `case` arm for the options of one command that take a value: its values, files, or nothing. */
function bashValueCases(options: readonly CompletionOption[]): string[] {
  const arms: string[] = [];
  for (const o of options.filter((x) => x.takesValue)) {
    const pattern = o.names.join("|");
    if (o.values) arms.push(`      ${pattern}) COMPREPLY=($(compgen -W "${wordList(o.values)}" -- "$cur")); return ;;`);
    else if (o.file) arms.push(`      ${pattern}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`);
    else arms.push(`      ${pattern}) COMPREPLY=(); return ;;`);
  }
  return arms;
}

/**
 * One command's block in the bash function: values after a value option; else its options, or
 * `otherwise` (its argument's words) when the word being completed does not start with "-".
 */
function bashCommandBlock(name: string, options: readonly CompletionOption[], otherwise: string): string[] {
  const words = `COMPREPLY=($(compgen -W "${wordList(options.flatMap((o) => o.names))}" -- "$cur"))`;
  return [
    `  ${name})`,
    '    case "$prev" in',
    ...bashValueCases(options),
    "    esac",
    ...(otherwise ? [`    if [[ "$cur" == -* ]]; then ${words}; else ${otherwise}; fi`] : [`    ${words}`]),
    "    ;;",
  ];
}

function bashArgument(c: CompletionCommand): string {
  if (c.argument === "file") return 'COMPREPLY=($(compgen -f -- "$cur"))';
  if (c.argument) return `COMPREPLY=($(compgen -W "${wordList(c.argument.values)}" -- "$cur"))`;
  return "";
}

/** bash: `source <(mmn-dose completion bash)`; the function reads COMP_WORDS and COMP_CWORD. */
function bashScript(model: CompletionModel): string {
  const names = model.commands.map((c) => c.name);
  const root = wordList(names);
  const options = wordList(model.options.flatMap((o) => o.names));
  return [
    "# mmn-dose completion for bash: source <(mmn-dose completion bash)",
    `${FUNCTION}() {`,
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i`,
    "  COMPREPLY=()",
    "  for ((i = 1; i < COMP_CWORD; i++)); do",
    `    case "\${COMP_WORDS[i]}" in`,
    `      ${names.join("|")}) command="\${COMP_WORDS[i]}"; break ;;`,
    "    esac",
    "  done",
    '  case "$command" in',
    // The first word may be a command; after options, a bare word is no command.
    ...bashCommandBlock(
      '""',
      model.options,
      `if [[ $COMP_CWORD -eq 1 ]]; then COMPREPLY=($(compgen -W "${root}" -- "$cur")); ` +
        `else COMPREPLY=($(compgen -W "${options}" -- "$cur")); fi`,
    ),
    ...model.commands.flatMap((c) => bashCommandBlock(c.name, c.options, bashArgument(c))),
    "  esac",
    "}",
    `complete -F ${FUNCTION} mmn-dose`,
    "",
  ].join("\n");
}

/** A zsh `_arguments` spec: '(-w --weight)'{-w,--weight}'[actual body weight]:weight: '. */
function zshSpec(o: CompletionOption): string {
  const description = o.description.replace(/[[\]:'\\]/g, " ");
  const action = !o.takesValue
    ? ""
    : o.values
      ? `:value:(${wordList(o.values)})`
      : o.file
        ? ":file:_files"
        : ":value: ";
  const tail = `'[${description}]${action}'`;
  if (o.names.length === 1) return `'${o.names[0]}${tail.slice(1)}`;
  return `'(${o.names.join(" ")})'{${o.names.join(",")}}${tail}`;
}

function zshArguments(options: readonly CompletionOption[], indent: string, extra: string[] = []): string {
  return [`${indent}_arguments -s \\`, ...[...options.map(zshSpec), ...extra].map((s) => `${indent}  ${s} \\`)]
    .join("\n")
    .replace(/ \\$/, "");
}

function zshCommandArm(c: CompletionCommand): string {
  const argument =
    c.argument === "file" ? ["'1:file:_files'"] : c.argument ? [`'1:${c.name}:(${wordList(c.argument.values)})'`] : [];
  return [`    ${c.name})`, zshArguments(c.options, "      ", argument), "      ;;"].join("\n");
}

/** zsh: a `#compdef` function; `source <(mmn-dose completion zsh)` or a file named _mmn-dose on $fpath. */
function zshScript(model: CompletionModel): string {
  const commands = model.commands.map((c) => `    '${c.name}:${c.description.replace(/[:'\\]/g, " ")}'`);
  return [
    "#compdef mmn-dose",
    "# mmn-dose completion for zsh: source <(mmn-dose completion zsh), or save as _mmn-dose on $fpath",
    `${FUNCTION}() {`,
    "  local -a commands",
    "  commands=(",
    ...commands,
    "  )",
    "  if (( CURRENT == 2 )) && [[ $words[CURRENT] != -* ]]; then",
    "    _describe -t commands 'mmn-dose command' commands",
    "    return",
    "  fi",
    `  if (( \${commands[(I)\${words[2]}:*]} )); then`,
    "    shift words",
    "    (( CURRENT-- ))",
    "  fi",
    "  case $words[1] in",
    ...model.commands.map(zshCommandArm),
    "    *)",
    zshArguments(model.options, "      "),
    "      ;;",
    "  esac",
    "}",
    `if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then`,
    `  ${FUNCTION} "$@"`,
    "else",
    `  compdef ${FUNCTION} mmn-dose`,
    "fi",
    "",
  ].join("\n");
}

/** A fish single-quoted string: backslash and quote escaped. */
const fishQuote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function fishOption(condition: string, o: CompletionOption): string {
  const names = o.names.map((n) => (n.startsWith("--") ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(" ");
  const value = !o.takesValue ? "" : o.values ? ` -x -a ${fishQuote(wordList(o.values))}` : o.file ? " -r -F" : " -x";
  return `complete -c mmn-dose -n ${fishQuote(condition)} ${names}${value} -d ${fishQuote(o.description)}`;
}

/** fish: `mmn-dose completion fish > ~/.config/fish/completions/mmn-dose.fish`. */
function fishScript(model: CompletionModel): string {
  const names = wordList(model.commands.map((c) => c.name));
  const rootCondition = `not __fish_seen_subcommand_from ${names}`;
  const lines = [
    "# mmn-dose completion for fish: mmn-dose completion fish > ~/.config/fish/completions/mmn-dose.fish",
    "complete -c mmn-dose -f",
    ...model.commands.map(
      (c) => `complete -c mmn-dose -n __fish_use_subcommand -a ${c.name} -d ${fishQuote(c.description)}`,
    ),
    ...model.options.map((o) => fishOption(rootCondition, o)),
  ];
  for (const c of model.commands) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(...c.options.map((o) => fishOption(condition, o)));
    if (c.argument === "file") lines.push(`complete -c mmn-dose -n ${fishQuote(condition)} -F`);
    else if (c.argument)
      lines.push(`complete -c mmn-dose -n ${fishQuote(condition)} -x -a ${fishQuote(wordList(c.argument.values))}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell, model: CompletionModel): string {
  if (shell === "bash") return bashScript(model);
  if (shell === "zsh") return zshScript(model);
  return fishScript(model);
}
