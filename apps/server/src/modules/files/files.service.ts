import { Injectable } from '@nestjs/common';
import { FILE_PURPOSES, MAX_PHOTO_BYTES, type FilePurpose, type FileView } from '@linli/shared-types';
import { createHash } from 'node:crypto';
import { relationsTo } from '../../common/access';
import { hasRole, type Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { Db } from '../../common/database/db';
import { DomainError } from '../../common/domain-error';
import { QrTokens } from '../../common/qr-token';
import { StoredFile } from './entities/stored-file.entity';
import { imageType } from './image-type';

/** Besides the uploader, the household and the community's staff: who else may see a file. */
export type FileAccessRule = (actor: Actor, file: StoredFile) => Promise<boolean>;

const LINK_LIFETIME_MS = 3600 * 1000;

/**
 * Uploaded photos. Stored in the database; served only to those allowed (uploader, the household
 * it is about, the community's staff, and whom the owning module's rule admits) or through a
 * short-lived signed link handed out in views those people receive.
 */
@Injectable()
export class FilesService {
  private readonly rules = new Map<FilePurpose, FileAccessRule[]>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly tokens: QrTokens,
  ) {}

  /** A module that owns a purpose admits more people (the pharmacy working a request). */
  allow(purpose: FilePurpose, rule: FileAccessRule): void {
    this.rules.set(purpose, [...(this.rules.get(purpose) ?? []), rule]);
  }

  async store(actor: Actor, purpose: FilePurpose, file: { buffer: Buffer; size: number } | undefined): Promise<FileView> {
    const allowed: readonly string[] = FILE_PURPOSES[purpose];
    if (!actor.roles.some((r) => allowed.includes(r)) || actor.communityId === null) {
      throw new DomainError('FORBIDDEN', { roles: allowed });
    }
    if (!file || file.size === 0) throw new DomainError('FILE_NOT_IMAGE');
    if (file.size > MAX_PHOTO_BYTES) throw new DomainError('PHOTO_TOO_LARGE');
    const mime = imageType(file.buffer);
    if (!mime) throw new DomainError('FILE_NOT_IMAGE');
    const row = await this.db.repo(StoredFile).save({
      communityId: actor.communityId,
      ownerUserId: actor.userId,
      householdId: purpose === 'prescription' && hasRole(actor, 'resident') ? actor.householdId : null,
      purpose,
      mime,
      size: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      data: file.buffer,
      createdAt: this.clock.now(),
    });
    return this.view(row);
  }

  /**
   * A command uses a file the actor uploaded for this purpose (a door photo, a prescription),
   * and says which household it is about. Anything else is not found.
   */
  async attach(actor: Actor, id: number, purpose: FilePurpose, householdId: number): Promise<StoredFile> {
    const file = await this.db.repo(StoredFile).findOneBy({ id });
    if (!file || file.ownerUserId !== actor.userId || file.purpose !== purpose) throw new DomainError('FILE_NOT_FOUND');
    if (file.householdId !== null && file.householdId !== householdId) throw new DomainError('FILE_NOT_FOUND');
    if (file.householdId === null) await this.db.repo(StoredFile).update({ id }, { householdId });
    return { ...file, householdId };
  }

  /**
   * A command uses a file the actor uploaded in their community for a purpose about no household
   * (a notice's picture, which its module's rule opens to the residents it reaches).
   */
  async claim(actor: Actor, id: number, purpose: FilePurpose): Promise<StoredFile> {
    const file = await this.db.repo(StoredFile).findOneBy({ id });
    if (!file || file.ownerUserId !== actor.userId || file.purpose !== purpose || file.communityId !== actor.communityId) {
      throw new DomainError('FILE_NOT_FOUND', { fileId: id });
    }
    return file;
  }

  /** The bytes, for someone allowed to see them; anyone else: not found. */
  async read(actor: Actor, id: number): Promise<{ mime: string; data: Buffer }> {
    const file = await this.db.repo(StoredFile).findOneBy({ id });
    if (!file || !(await this.mayRead(actor, file))) throw new DomainError('FILE_NOT_FOUND');
    return this.bytes(id);
  }

  /** The bytes behind a signed link (an <Image> cannot send the session's token). */
  async readByLink(id: number, token: string): Promise<{ mime: string; data: Buffer }> {
    let linked: number;
    try {
      linked = this.tokens.verify(token, 'fileLink', this.clock.now());
    } catch (error) {
      if (error instanceof DomainError && error.code === 'QR_EXPIRED') throw new DomainError('FILE_LINK_EXPIRED');
      throw new DomainError('FILE_NOT_FOUND');
    }
    if (linked !== id) throw new DomainError('FILE_NOT_FOUND');
    return this.bytes(id);
  }

  /**
   * A link valid for an hour (or `lifetimeMs`: WeChat's media check fetches contest pictures
   * some time later); only put it in views for people who may see the file.
   */
  link(id: number, lifetimeMs = LINK_LIFETIME_MS): string {
    return `/api/files/${id}/content?t=${this.tokens.sign('fileLink', id, new Date(this.clock.now().getTime() + lifetimeMs))}`;
  }

  private async mayRead(actor: Actor, file: StoredFile): Promise<boolean> {
    // The uploader, the household it is about, the community's staff; a help picture only its
    // uploader and whom its module admits (a counselling thread is not for staff).
    if (file.purpose === 'help' ? file.ownerUserId === actor.userId : relationsTo(actor, file).length > 0) return true;
    for (const rule of this.rules.get(file.purpose) ?? []) if (await rule(actor, file)) return true;
    return false;
  }

  private async bytes(id: number): Promise<{ mime: string; data: Buffer }> {
    const row = await this.db.repo(StoredFile).findOne({ where: { id }, select: ['id', 'mime', 'data'] });
    if (!row) throw new DomainError('FILE_NOT_FOUND');
    return { mime: row.mime, data: Buffer.from(row.data) };
  }

  private view(row: StoredFile): FileView {
    return { id: row.id, purpose: row.purpose, mime: row.mime, size: row.size, url: this.link(row.id) };
  }
}
