import { Command, Option } from 'nest-commander';
import { OperatorService } from '../modules/auth/operator.service';
import { checked, CommunityRef, PhoneInput, StaffInput } from './cli-input';
import { CliOutput } from './cli-output';
import { OperatorCommand } from './operator-command';

type AddOptions = {
  community?: string;
  name?: string;
  phone?: string;
  supervisor?: boolean;
};

@Command({ name: 'staff:add', description: '给一个社区添加工作人员（加 --supervisor 同时是督导），打印其一次性登录码' })
export class StaffAddCommand extends OperatorCommand<AddOptions> {
  constructor(
    out: CliOutput,
    private readonly operator: OperatorService,
  ) {
    super(out);
  }

  protected async execute(options: AddOptions): Promise<void> {
    const { community } = checked(CommunityRef, { community: options.community });
    const staff = checked(StaffInput, { name: options.name, phone: options.phone });
    const made = await this.operator.addStaff(community, { name: staff.name, phone: staff.phone, supervisor: options.supervisor === true });
    this.out.print(`已添加${options.supervisor ? '督导兼工作人员' : '工作人员'}。`);
    this.printSignIn(made);
  }

  @Option({ flags: '--community <id or name>', description: '社区编号或名称' })
  parseCommunity(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: '姓名' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--phone <phone>', description: '手机号（11 位）' })
  parsePhone(value: string): string {
    return value;
  }

  @Option({ flags: '--supervisor', description: '同时是督导' })
  parseSupervisor(): boolean {
    return true;
  }
}

type ResetOptions = {
  phone?: string;
  community?: string;
};

@Command({
  name: 'staff:reset',
  description: '工作人员的账号找不回来了（换了手机或微信）：打印一个新的一次性登录码，之前没用过的作废',
})
export class StaffResetCommand extends OperatorCommand<ResetOptions> {
  constructor(
    out: CliOutput,
    private readonly operator: OperatorService,
  ) {
    super(out);
  }

  protected async execute(options: ResetOptions): Promise<void> {
    const { phone } = checked(PhoneInput, { phone: options.phone });
    const community = options.community === undefined ? undefined : checked(CommunityRef, { community: options.community }).community;
    const made = await this.operator.resetStaff(phone, community);
    this.out.print('已生成新的登录码，之前没用过的登录码已作废。');
    this.printSignIn(made);
  }

  @Option({ flags: '--phone <phone>', description: '工作人员的手机号' })
  parsePhone(value: string): string {
    return value;
  }

  @Option({ flags: '--community <id or name>', description: '社区编号或名称（这个手机号在几个社区任职时）' })
  parseCommunity(value: string): string {
    return value;
  }
}
