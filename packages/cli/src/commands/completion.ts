/** `las completion bash|zsh|fish`: a completion script made from the command tree itself. */
import { Argument, type Command } from 'commander';
import { addGlobalOptions, type App } from '../define.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Adds `las completion`. */
export function registerCompletion(program: Command, app: App): void {
  addGlobalOptions(program.command('completion'), true)
    .description('Print a shell completion script: eval "$(las completion bash)", or save it where your shell loads completions')
    .addArgument(new Argument('<shell>', SHELLS.join(' | ')).choices(SHELLS))
    .action((shell: (typeof SHELLS)[number]) => {
      app.io.stdout.write(script(program, shell));
    });
}

interface Leaf {
  name: string;
  description: string;
  flags: string[];
}
interface Group {
  name: string;
  description: string;
  leaves: Leaf[];
}

function tree(program: Command): { groups: Group[]; globals: string[] } {
  const flags = (command: Command) => command.options.filter((o) => !o.hidden && o.long).map((o) => o.long as string);
  const groups = program.commands.map((g) => ({
    name: g.name(),
    description: g.description(),
    // A command without subcommands (completion) completes its argument's choices instead.
    leaves: g.commands.length
      ? g.commands.map((l) => ({ name: l.name(), description: l.description(), flags: [...flags(l), '--help'] }))
      : (g.registeredArguments[0]?.argChoices ?? []).map((name) => ({ name, description: name, flags: [] })),
  }));
  return { groups, globals: [...flags(program), '--help'] };
}

function script(program: Command, shell: (typeof SHELLS)[number]): string {
  const { groups, globals } = tree(program);
  if (shell === 'fish') return fish(groups, globals);
  const bash = bashFunction(groups, globals);
  // zsh runs the bash function through its bash completion layer.
  return shell === 'zsh' ? `autoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

function bashFunction(groups: Group[], globals: string[]): string {
  const second = groups.map((g) => `    ${g.name}) words="${g.leaves.map((l) => l.name).join(' ')}" ;;`).join('\n');
  const third = groups
    .flatMap((g) => g.leaves.map((l) => `    "${g.name} ${l.name}") words="${[...l.flags, '-o', '-p', '-v'].join(' ')}" ;;`))
    .join('\n');
  return `# las completion for bash: eval "$(las completion bash)"
_las_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${groups.map((g) => g.name).join(' ')} ${globals.join(' ')}"
  elif [ "$COMP_CWORD" -eq 2 ]; then
    case "\${COMP_WORDS[1]}" in
${second}
    esac
  else
    case "\${COMP_WORDS[1]} \${COMP_WORDS[2]}" in
${third}
    esac
  fi
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -o default -F _las_complete las
`;
}

function fish(groups: Group[], globals: string[]): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = ['# las completion for fish: las completion fish > ~/.config/fish/completions/las.fish'];
  for (const flag of globals) lines.push(`complete -c las -n __fish_use_subcommand -l ${flag.slice(2)}`);
  for (const g of groups) {
    lines.push(`complete -c las -n __fish_use_subcommand -a ${g.name} -d ${quote(g.description)}`);
    const names = g.leaves.map((l) => l.name).join(' ');
    for (const l of g.leaves) {
      lines.push(`complete -c las -n '__fish_seen_subcommand_from ${g.name}; and not __fish_seen_subcommand_from ${names}' -a ${l.name} -d ${quote(l.description)}`);
      const when = `'__fish_seen_subcommand_from ${g.name}; and __fish_seen_subcommand_from ${l.name}'`;
      for (const flag of l.flags) lines.push(`complete -c las -n ${when} -l ${flag.slice(2)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
