import { ERROR_MESSAGES } from '@linli/shared-types';
import { CommandRunner } from 'nest-commander';
import { DomainError } from '../common/domain-error';
import type { StaffSignIn } from '../modules/auth/operator.service';
import { formatSignInCode } from '../modules/auth/sign-in-code';
import { CliOutput } from './cli-output';

/**
 * A command of the operator's CLI. A refusal (a DomainError) is printed as its code and a
 * readable reason, with exit code 1; anything else is a bug and goes up to nest-commander.
 */
export abstract class OperatorCommand<Options extends Record<string, unknown>> extends CommandRunner {
  constructor(protected readonly out: CliOutput) {
    super();
  }

  protected abstract execute(options: Options): Promise<void>;

  async run(_params: string[], options: Record<string, unknown> = {}): Promise<void> {
    try {
      // nest-commander hands over the options as commander parsed them: the shape the flags declare.
      await this.execute(options as Options);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.out.fail(describeRefusal(error));
    }
  }

  /** The sign-in code and how its person uses it: what the operator hands over. */
  protected printSignIn(made: StaffSignIn): void {
    const expires = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
    }).format(made.expiresAt);
    this.out.print(
      [
        `工作人员：${made.nickname}（手机 ${made.phone}，账号编号 ${made.userId}），社区：${made.community.name}`,
        '',
        `登录码：${formatSignInCode(made.code)}`,
        `有效期至 ${expires}（北京时间），只能用一次。请当面或打电话交给本人，不要发到群里。`,
        '',
        '用法：在微信里打开「邻里」小程序（或在电脑浏览器打开本服务器的地址），',
        '在登录页点「用登录码登录」，输入上面的登录码。登录后「我的」页面就有工作人员的功能。',
        `登录码丢了或过期了：npm run linli -- staff:reset --phone ${made.phone}`,
      ].join('\n'),
    );
  }
}

export function describeRefusal(error: DomainError): string {
  const lines = [`错误 ${error.code}：${ERROR_MESSAGES[error.code]}`];
  const fields = (error.details?.fields ?? null) as Record<string, string> | null;
  if (fields) for (const [flag, reason] of Object.entries(fields)) lines.push(`  ${flag}：${reason}`);
  const other = Object.entries(error.details ?? {}).filter(([k]) => k !== 'fields');
  if (other.length > 0) lines.push(`  ${other.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
  return lines.join('\n');
}
