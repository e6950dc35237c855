import { LongformError } from './longform-error';

const name = 'LongformTemplateVariablesError';
const marker = `longform.error.${name}`;
const symbol = Symbol.for(marker);

export interface TemplateVariableIssue {
  /** Dotted path of the variable, e.g. `sections.2.title`. */
  field: string;
  message: string;
}

/**
 * The variables passed to a prompt template's `render` do not match its schema. The message names
 * the template and every offending field, so the caller can see which input is wrong.
 */
export class TemplateVariablesError extends LongformError {
  private readonly [symbol] = true;

  readonly templateName: string;
  readonly issues: TemplateVariableIssue[];

  constructor({
    templateName,
    issues,
    cause,
  }: {
    templateName: string;
    issues: TemplateVariableIssue[];
    cause?: unknown;
  }) {
    const listed = issues.map(issue => `field "${issue.field}": ${issue.message}`).join('; ');
    super({ name, message: `template "${templateName}": invalid variables: ${listed}`, cause });
    this.templateName = templateName;
    this.issues = issues;
  }

  /** The offending variable paths. */
  get fields(): string[] {
    return this.issues.map(issue => issue.field);
  }

  static override isInstance(error: unknown): error is TemplateVariablesError {
    return LongformError.hasMarker(error, marker);
  }
}
