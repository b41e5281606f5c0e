import { contextBridge, ipcRenderer } from 'electron';
import { createKioskApi } from './api';

contextBridge.exposeInMainWorld('kiosk', createKioskApi(ipcRenderer));
