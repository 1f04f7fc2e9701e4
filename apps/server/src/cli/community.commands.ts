import { Command, Option } from 'nest-commander';
import { OperatorService } from '../modules/auth/operator.service';
import { checked, NewCommunityInput } from './cli-input';
import { CliOutput } from './cli-output';
import { OperatorCommand } from './operator-command';

type CreateOptions = {
  name?: string;
  district?: string;
  address?: string;
  staffName?: string;
  staffPhone?: string;
};

@Command({
  name: 'community:create',
  description: '创建一个社区和它的第一位工作人员，打印这位工作人员的一次性登录码',
})
export class CommunityCreateCommand extends OperatorCommand<CreateOptions> {
  constructor(
    out: CliOutput,
    private readonly operator: OperatorService,
  ) {
    super(out);
  }

  protected async execute(options: CreateOptions): Promise<void> {
    const input = checked(NewCommunityInput, options);
    const made = await this.operator.createCommunity(
      { name: input.name, district: input.district ?? null, address: input.address ?? null },
      { name: input.staffName, phone: input.staffPhone },
    );
    this.out.print(
      `已创建社区「${made.community.name}」（编号 ${made.community.id}${made.community.district ? `，${made.community.district}` : ''}）。`,
    );
    this.printSignIn(made);
  }

  @Option({ flags: '--name <name>', description: '社区名称（在本服务器上唯一），如 滨湖和园' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--district <district>', description: '所在的区，如 包河区' })
  parseDistrict(value: string): string {
    return value;
  }

  @Option({ flags: '--address <address>', description: '地址' })
  parseAddress(value: string): string {
    return value;
  }

  @Option({ flags: '--staff-name <name>', description: '第一位工作人员的姓名' })
  parseStaffName(value: string): string {
    return value;
  }

  @Option({ flags: '--staff-phone <phone>', description: '第一位工作人员的手机号（11 位）' })
  parseStaffPhone(value: string): string {
    return value;
  }
}

@Command({ name: 'community:list', description: '列出本服务器上的社区：编号、名称、区、住户数、工作人员数' })
export class CommunityListCommand extends OperatorCommand<Record<string, never>> {
  constructor(
    out: CliOutput,
    private readonly operator: OperatorService,
  ) {
    super(out);
  }

  protected async execute(): Promise<void> {
    const communities = await this.operator.listCommunities();
    if (communities.length === 0) {
      this.out.print('还没有社区。创建第一个：npm run linli -- community:create --name … --staff-name … --staff-phone …');
      return;
    }
    this.out.print(['编号', '名称', '区', '住户', '工作人员'].join('\t'));
    for (const c of communities) this.out.print([c.id, c.name, c.district ?? '-', c.households, c.staff].join('\t'));
  }
}
