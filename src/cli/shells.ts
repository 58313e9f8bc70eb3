/** The shells `mmn-dose completion` writes a script for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

export type Shell = (typeof SHELLS)[number];

/** The shells in words, as the command's help and errors name them: "bash, zsh or fish". */
export const SHELL_NAMES = `${SHELLS.slice(0, -1).join(", ")} or ${SHELLS.at(-1)}`;
