; The "Clinic Kiosk Preview" shortcut, for staff who edit content on this computer: it runs the
; installed app as `Clinic Kiosk.exe --preview`, an ordinary window that shows the content as the
; kiosk will, with its mistakes in plain words (src/main/preview-mode.ts). electron-builder
; includes this file (nsis.include in electron-builder.yml) and runs customInstall after it has
; made its own shortcuts, with the shell's folders set for all users (perMachine), and
; customUnInstall before it removes the app's files.

!define PREVIEW_SHORTCUT_NAME "Clinic Kiosk Preview"
!define PREVIEW_ARGUMENTS "--preview"
!define PREVIEW_DESCRIPTION "See your slides as the kiosk will show them, and any mistakes in them"

!macro customInstall
  CreateShortCut "$DESKTOP\${PREVIEW_SHORTCUT_NAME}.lnk" "$appExe" "${PREVIEW_ARGUMENTS}" "$appExe" 0 "" "" "${PREVIEW_DESCRIPTION}"
  ; In the Start menu too, so that staff find it by name once the desktop shortcut is moved.
  CreateShortCut "$SMPROGRAMS\${PREVIEW_SHORTCUT_NAME}.lnk" "$appExe" "${PREVIEW_ARGUMENTS}" "$appExe" 0 "" "" "${PREVIEW_DESCRIPTION}"
  ; A shortcut that already exists is replaced; that is not an error for what follows.
  ClearErrors
  ; The desktop shows the new shortcut at once.
  System::Call 'Shell32::SHChangeNotify(i 0x8000000, i 0, i 0, i 0)'
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: staff's shortcut stays where they put it.
  ${ifNot} ${isUpdated}
    Delete "$DESKTOP\${PREVIEW_SHORTCUT_NAME}.lnk"
    Delete "$SMPROGRAMS\${PREVIEW_SHORTCUT_NAME}.lnk"
    System::Call 'Shell32::SHChangeNotify(i 0x8000000, i 0, i 0, i 0)'
  ${endIf}
!macroend
